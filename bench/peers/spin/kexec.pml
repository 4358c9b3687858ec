/*
 * kexec.pml: a SPIN peer model of kexec-check's world (shared/docs/domain.md),
 * the hand-over of the GICv3 LPI tables across a chain of kexec'd kernels.
 *
 * Written from the domain, at the abstraction of kexec-check's Alloy models
 * so that the two tools do the same work: 64 KiB frames, each with the use
 * the running kernel believes it has; per-CPU redistributor registers
 * (EnableLPIs, PROPBASER, PENDBASER); the ITS enabled or quiesced; the EFI
 * memreserve list (a set of frames that survives kexec and only grows);
 * firmware, reserved-memory, DTB, loader, hardware, devices and kexec kind as
 * a nondeterministic configuration narrowed by -D defines; kernels as sets of
 * capabilities (domain.md §4); MSIs arriving at any moment they can.
 *
 * Compile-time parameters (bench/peers/spin/run passes them):
 *   -DKERNELS=N -DCPUS=C [-DFRAMES=F]   chain length, CPUs, frames (default (N+1)(C+1), <= 31)
 *   -DMODEL_DTV1 | -DMODEL_BOOTLOADER   the proposal (default: upstream Linux)
 *   -DPOP=mask  -DP1=mask .. -DP8=mask  profiles allowed anywhere / at kernel i (bits: PR_* below)
 *   -DCHAIN                             an exact chain: kernels 2..N-1 are entered by kexec, and the
 *                                       applicability question asks for a run reaching the last kernel
 *   -DFIRMWARE -DRESMEM -DDTB -DLOADER -DHARDWARE -DDEVICES -DKEXEC   option masks (bits below)
 *   and, when the verifier runs, KEXEC_QUESTION=1..6 (the questions below); a trail is
 *   replayed with `KEXEC_QUESTION=n ./pan -r kexec.pml.trail -n` (spin -t would not run the
 *   c_code line that reads the question). Uses printed in a replay: 0 free, 1 image,
 *   2 initrd, 3 dtb, 4 fw-reserved, 5 memreserved, 6 crashkernel, 7 outside, 8 property
 *   table, 9+c CPU c's pending table.
 *
 * Symmetry: frames that differ in nothing the future can observe (static
 * role, memreserve membership, which registers name them) are
 * interchangeable, so every choice of a frame takes the lowest of each such
 * class; the LPI region and the crashkernel region sit at fixed frames.
 * Dominance: a kernel's segment on a frame nothing names does less than the
 * same segment elsewhere, so segments go only where something is named (or
 * elsewhere). Both keep every verdict (README.md says why).
 */

#ifndef KERNELS
#define KERNELS 2
#endif
#ifndef CPUS
#define CPUS 2
#endif
#ifndef FRAMES
#define FRAMES ((KERNELS+1)*(CPUS+1))
#endif
#define ALLF ((1 << FRAMES) - 1)
#define NONE 255

/* ---------------- configuration values (one bit each, so a -D mask narrows them) ---------------- */
#define FW_EFI 1
#define FW_DT 2
#define FW_DTPRE 4             /* the bootloader programs the LPI tables (U-Boot gic_lpi_tables_init), §3.4 */
#define RM_MAP 1
#define RM_NOMAP 2
#define DTB_PASS 1             /* the loader passes the running DT on */
#define DTB_USER 2             /* a user DTB without the LPI /reserved-memory child */
#define LD_HONOURS 1           /* kexec-tools skips "reserved" nested in "System RAM" */
#define LD_IGNORES 2
#define HW_STICKY 1            /* EnableLPIs RES1 once set */
#define HW_CLEARABLE 2         /* GICR_CTLR.CES: EnableLPIs can be cleared */
#define HW_GICV2 4             /* no LPIs at all */
#define DEV_QUIESCENT 1        /* no MSI until the next kernel is up */
#define DEV_ACTIVE 2           /* an MSI at any moment while LPIs are enabled */
#define KX_NORMAL 1
#define KX_CRASH 2

#ifndef FIRMWARE
#define FIRMWARE 7
#endif
#ifndef RESMEM
#define RESMEM 3
#endif
#ifndef DTB
#define DTB 3
#endif
#ifndef LOADER
#define LOADER 3
#endif
#ifndef HARDWARE
#define HARDWARE 7
#endif
#ifndef DEVICES
#define DEVICES 3
#endif
#ifndef KEXEC
#define KEXEC 3
#endif
#ifdef MODEL_BOOTLOADER
#define FW_ALLOWED (FIRMWARE & FW_DTPRE)
#else
#define FW_ALLOWED FIRMWARE
#endif

/* ---------------- kernel capabilities (§4) and profiles ---------------- */
#define C_LPI 1                /* enables-lpis */
#define C_CHECK 2              /* disable-with-check: redist_disable_lpis() (4.17+) */
#define C_BLIND 4              /* blind-reprogram (4.16 and older) */
#define C_ADOPT 8              /* adopts-preallocated (4.20+) */
#define C_KDBYPASS 16          /* kdump-bypass: is_kdump_kernel() in gic_check_reserved_range() */
#define C_READMR 32            /* reads-memreserve */
#define C_WRITEMR 64           /* writes-memreserve */
#define C_IOMEM 128            /* memreserve-in-iomem (ab0eb16205b4) */
#define C_STUB 256             /* efi-stub */
#define C_CAPTURE 512          /* a kdump capture kernel: entered only by a crash kexec */
#define C_DTV1 1024            /* dt-memory-region-v1 (the seed's patch 5) */

#define CAPS_4_16 (C_LPI | C_BLIND | C_STUB)
#define CAPS_4_19 (C_LPI | C_CHECK | C_STUB)
#define CAPS_5_3 (C_LPI | C_CHECK | C_ADOPT | C_KDBYPASS | C_READMR | C_WRITEMR | C_STUB)
#define CAPS_6_1 (CAPS_5_3 | C_IOMEM)
#define CAPS_6_12 CAPS_6_1
#define CAPS_KDUMP_6_1 (CAPS_6_1 | C_CAPTURE)
#define CAPS_5_3_DTV1 (CAPS_5_3 | C_DTV1)
#define NOLPI(caps) ((caps) & ~C_LPI)

/* profile bits of the POP / Pi masks (the run script names them) */
#define PR_4_16 0
#define PR_4_16_NOLPI 1
#define PR_4_19 2
#define PR_4_19_NOLPI 3
#define PR_5_3 4
#define PR_5_3_NOLPI 5
#define PR_6_1 6
#define PR_6_1_NOLPI 7
#define PR_6_12 8
#define PR_6_12_NOLPI 9
#define PR_KDUMP_6_1 10
#define PR_KDUMP_6_1_NOLPI 11
#define PR_5_3_DTV1 12
#define PR_5_3_DTV1_NOLPI 13
#define CAPTURE_PROFILES ((1 << PR_KDUMP_6_1) | (1 << PR_KDUMP_6_1_NOLPI))

#ifndef POP
#ifdef MODEL_DTV1
#define POP 16383
#else
#define POP 4095
#endif
#endif
#ifndef P1
#define P1 POP
#endif
#ifndef P2
#define P2 POP
#endif
#ifndef P3
#if KERNELS >= 3
#define P3 POP
#else
#define P3 0
#endif
#endif
#ifndef P4
#if KERNELS >= 4
#define P4 POP
#else
#define P4 0
#endif
#endif
#ifndef P5
#if KERNELS >= 5
#define P5 POP
#else
#define P5 0
#endif
#endif
#ifndef P6
#if KERNELS >= 6
#define P6 POP
#else
#define P6 0
#endif
#endif
#ifndef P7
#if KERNELS >= 7
#define P7 POP
#else
#define P7 0
#endif
#endif
#ifndef P8
#if KERNELS >= 8
#define P8 POP
#else
#define P8 0
#endif
#endif
#define ANY_PLACE (P1 | P2 | P3 | P4 | P5 | P6 | P7 | P8)
#define POSMASK(k) ((k) == 0 -> P1 : ((k) == 1 -> P2 : ((k) == 2 -> P3 : ((k) == 3 -> P4 : \
                   ((k) == 4 -> P5 : ((k) == 5 -> P6 : ((k) == 6 -> P7 : P8)))))))

/* ---------------- what a frame is to the running kernel ---------------- */
#define U_FREE 0               /* page-allocator memory: may be handed out for anything */
#define U_IMAGE 1              /* its own segments (memblock-reserved) */
#define U_INITRD 2
#define U_DTB 3
#define U_FWRES 4              /* /reserved-memory child without no-map (memblock-reserved) */
#define U_MEMRES 5             /* an EFI memreserve entry (memblock-reserved) */
#define U_CRASHK 6             /* the crashkernel= region it keeps for its capture kernel */
#define U_OUTSIDE 7            /* not its RAM: no-map, or beyond a capture kernel's region */
#define U_PROP 8               /* its LPI property table */
#define U_PEND 9               /* U_PEND + c: CPU c's pending table */
#define MEMBLOCK_RESERVED(u) ((u) >= U_IMAGE && (u) <= U_CRASHK)
#define HARMLESS(u) ((u) == U_FWRES || (u) == U_MEMRES || (u) == U_OUTSIDE)

#define E_NONE 0
#define E_FIRMWARE 1
#define E_KEXEC 2
#define E_CRASH 3

/* what its_cpu_init_lpis() did to one CPU */
#define M_UNTOUCHED 0
#define M_ADOPTED 1
#define M_PROGRAMMED 2
#define M_DISABLE_FAILED 3
#define M_WRITES_IGNORED 4

/* ---------------- the questions ----------------
 * One verifier answers one question, read from the environment variable KEXEC_QUESTION
 * when it starts (so one compiled verifier serves every question of a scenario): */
#define Q_NO_STRAY_WRITE 1       /* assert no-stray-write (corruption) */
#define Q_ITS_QUIESCENT 2        /* assert its-quiescent (corruption) */
#define Q_LPIS_DELIVERED 3       /* assert lpis-delivered (lost-lpis) */
#define Q_ONE_PROPERTY_TABLE 4   /* assert one-property-table (lost-lpis) */
#define Q_APPLICABLE 5           /* assert that no run applies (a GICv3 with LPIs, reaching the chain's end) */
#define Q_WARNS 6                /* assert that no kernel prints a §3.2 warning (recoverable) */
byte question;
#define NO_STRAY_WRITE(e) assert(question != Q_NO_STRAY_WRITE || (e))
#define ITS_QUIESCENT(e) assert(question != Q_ITS_QUIESCENT || (e))
#define LPIS_DELIVERED(e) assert(question != Q_LPIS_DELIVERED || (e))
#define ONE_PROPERTY_TABLE(e) assert(question != Q_ONE_PROPERTY_TABLE || (e))
#define WARN(msg) printf(msg); assert(question != Q_WARNS)

/* ================= state ================= */
/* configuration */
byte fw, resmem, dtb, loader, hw, dev, kexecKind;
bool region;                   /* the LPI /reserved-memory region: frame 0 property, frame 1+c CPU c's pending */
int crashMask;                 /* the crashkernel= region (frames after the LPI region) */
bool firstStub;                /* a Linux EFI stub ran first: the memreserve root exists */
bool crashUsed;                /* some kernel of the chain is entered by crash kexec */
/* the machine */
byte cur;                      /* the running kernel's place in the chain */
short caps;                    /* its capabilities */
byte entry;                    /* how it was entered */
byte nextEntry;                /* how the next kernel will be entered (decides the crashkernel= reservation) */
bool up;                       /* its GIC driver has initialised */
/* the GIC */
bool lpis[CPUS];               /* GICR_CTLR.EnableLPIs */
byte propb[CPUS];              /* GICR_PROPBASER.PA (a frame, or NONE) */
byte pendb[CPUS];              /* GICR_PENDBASER.PA */
bool itsOn;                    /* GITS_CTLR.Enabled (disabled means quiescent) */
/* memory */
byte use[FRAMES];              /* what each frame is to the running kernel */
int memres;                    /* frames the EFI memreserve list names */

/* scratch between the transitions of one event; the same value between events */
int cand, elig, taken;
byte img = NONE, ird = NONE, dtbf = NONE;   /* the entering kernel's segments */
byte c_;                       /* the table being allocated: 0 property, 1+c CPU c's pending */
byte tbl[CPUS + 1];
bool prealloc;
/* scratch of one d_step (set and cleared inside it) */
byte i_, j_;
int sig[FRAMES];
byte mode[CPUS];
int keep;
bool propTaken;

#define BIT(f) (1 << (f))
#define IN(mask, f) (((mask) >> (f)) & 1)
#define REGION_MASK (region -> ((1 << (CPUS + 1)) - 1) : 0)
#define REGION_PROP 0
#define REGION_PEND(c) (1 + (c))
#define REGION_VISIBLE (region && (cur == 0 || dtb == DTB_PASS))
#define EFI_TABLES (fw == FW_EFI && (caps & C_STUB) && firstStub)
#define LPI_KERNEL ((caps & C_LPI) && hw != HW_GICV2)
/* gic_check_reserved_range(): a kdump kernel, or inside one memblock.reserved range */
#define RESERVED(f) (((caps & C_KDBYPASS) && entry == E_CRASH) || ((f) != NONE && MEMBLOCK_RESERVED(use[f])))
#define FREE_OR_HARMLESS(u) ((u) == U_FREE || HARMLESS(u))
#define OWN_OR_HARMLESS(u, own) ((u) == (own) || HARMLESS(u))

/* ---------------- choosing frames ---------------- */

/* elig := the lowest frame of each class of interchangeable frames in cand (frames that
 * differ in nothing the future can see: static role, memreserve, the registers naming
 * them); with namedOnly, only frames something names. */
inline canonical(namedOnly) {
  i_ = 0;
  do
  :: i_ < FRAMES ->
     sig[i_] = (IN(REGION_MASK, i_) -> 2 + i_ : (IN(crashMask, i_) -> 1 : 0)) | (IN(memres, i_) << 6);
     j_ = 0;
     do
     :: j_ < CPUS ->
        if :: propb[j_] == i_ -> sig[i_] = sig[i_] | BIT(7 + j_) :: else -> skip fi;
        if :: pendb[j_] == i_ -> sig[i_] = sig[i_] | BIT(7 + CPUS + j_) :: else -> skip fi;
        j_++
     :: else -> break
     od;
     i_++
  :: else -> break
  od;
  elig = 0; i_ = 0;
  do
  :: i_ < FRAMES ->
     if
     :: IN(cand, i_) && !(namedOnly && sig[i_] <= 1) ->
        j_ = 0;
        do
        :: j_ < i_ && !(IN(cand, j_) && sig[j_] == sig[i_]) -> j_++
        :: else -> break
        od;
        if :: j_ == i_ -> elig = elig | BIT(i_) :: else -> skip fi
     :: else -> skip
     fi;
     i_++
  :: else -> break
  od;
  i_ = 0;
  do :: i_ < FRAMES -> sig[i_] = 0; i_++ :: else -> break od;
  i_ = 0; j_ = 0
}

/* One transition per choice: each option is a d_step guarded by "frame n is eligible";
 * only as many options as there are frames. */
#define O0(OPT, x) OPT(0, x)
#define O1(OPT, x) OPT(1, x)
#define O2(OPT, x) OPT(2, x)
#if FRAMES > 3
#define O3(OPT, x) OPT(3, x)
#else
#define O3(OPT, x)
#endif
#if FRAMES > 4
#define O4(OPT, x) OPT(4, x)
#else
#define O4(OPT, x)
#endif
#if FRAMES > 5
#define O5(OPT, x) OPT(5, x)
#else
#define O5(OPT, x)
#endif
#if FRAMES > 6
#define O6(OPT, x) OPT(6, x)
#else
#define O6(OPT, x)
#endif
#if FRAMES > 7
#define O7(OPT, x) OPT(7, x)
#else
#define O7(OPT, x)
#endif
#if FRAMES > 8
#define O8(OPT, x) OPT(8, x)
#else
#define O8(OPT, x)
#endif
#if FRAMES > 9
#define O9(OPT, x) OPT(9, x)
#else
#define O9(OPT, x)
#endif
#if FRAMES > 10
#define O10(OPT, x) OPT(10, x)
#else
#define O10(OPT, x)
#endif
#if FRAMES > 11
#define O11(OPT, x) OPT(11, x)
#else
#define O11(OPT, x)
#endif
#if FRAMES > 12
#define O12(OPT, x) OPT(12, x)
#else
#define O12(OPT, x)
#endif
#if FRAMES > 13
#define O13(OPT, x) OPT(13, x)
#else
#define O13(OPT, x)
#endif
#if FRAMES > 14
#define O14(OPT, x) OPT(14, x)
#else
#define O14(OPT, x)
#endif
#if FRAMES > 15
#define O15(OPT, x) OPT(15, x)
#else
#define O15(OPT, x)
#endif
#if FRAMES > 16
#define O16(OPT, x) OPT(16, x)
#else
#define O16(OPT, x)
#endif
#if FRAMES > 17
#define O17(OPT, x) OPT(17, x)
#else
#define O17(OPT, x)
#endif
#if FRAMES > 18
#define O18(OPT, x) OPT(18, x)
#else
#define O18(OPT, x)
#endif
#if FRAMES > 19
#define O19(OPT, x) OPT(19, x)
#else
#define O19(OPT, x)
#endif
#if FRAMES > 20
#define O20(OPT, x) OPT(20, x)
#else
#define O20(OPT, x)
#endif
#if FRAMES > 21
#define O21(OPT, x) OPT(21, x)
#else
#define O21(OPT, x)
#endif
#if FRAMES > 22
#define O22(OPT, x) OPT(22, x)
#else
#define O22(OPT, x)
#endif
#if FRAMES > 23
#define O23(OPT, x) OPT(23, x)
#else
#define O23(OPT, x)
#endif
#if FRAMES > 24
#define O24(OPT, x) OPT(24, x)
#else
#define O24(OPT, x)
#endif
#if FRAMES > 25
#define O25(OPT, x) OPT(25, x)
#else
#define O25(OPT, x)
#endif
#if FRAMES > 26
#define O26(OPT, x) OPT(26, x)
#else
#define O26(OPT, x)
#endif
#if FRAMES > 27
#define O27(OPT, x) OPT(27, x)
#else
#define O27(OPT, x)
#endif
#if FRAMES > 28
#define O28(OPT, x) OPT(28, x)
#else
#define O28(OPT, x)
#endif
#if FRAMES > 29
#define O29(OPT, x) OPT(29, x)
#else
#define O29(OPT, x)
#endif
#if FRAMES > 30
#define O30(OPT, x) OPT(30, x)
#else
#define O30(OPT, x)
#endif
#define OPTIONS(OPT, x) O0(OPT, x) O1(OPT, x) O2(OPT, x) O3(OPT, x) O4(OPT, x) O5(OPT, x) O6(OPT, x) O7(OPT, x) O8(OPT, x) O9(OPT, x) O10(OPT, x) O11(OPT, x) O12(OPT, x) O13(OPT, x) O14(OPT, x) O15(OPT, x) O16(OPT, x) O17(OPT, x) O18(OPT, x) O19(OPT, x) O20(OPT, x) O21(OPT, x) O22(OPT, x) O23(OPT, x) O24(OPT, x) O25(OPT, x) O26(OPT, x) O27(OPT, x) O28(OPT, x) O29(OPT, x) O30(OPT, x)

/* The next kernel's segments. A segment on a frame nothing names does less than the same
 * segment elsewhere (it only takes a free frame away), so only named frames are offered.
 * The initrd and the DTB are interchangeable (both memblock-reserved, neither in iomem):
 * only placements with the DTB above the initrd are made. */
inline segmentsNext() {
  cand = cand & ~taken;
  canonical(true);
  if :: ird != NONE -> elig = elig & ~(BIT(ird + 1) - 1) :: else -> skip fi
}
#define SEG_OPT(n, seg) :: d_step { IN(elig, n) -> seg = n; taken = taken | BIT(n); segmentsNext() }
inline placeSegment(seg, isInitrd) {
  if
  OPTIONS(SEG_OPT, seg)
  :: d_step { true -> seg = NONE; if :: isInitrd -> elig = 0 :: else -> skip fi }   /* elsewhere */
  fi
}

/* the page allocator: a free frame not handed out yet in this boot */
inline allocNext() {
  cand = 0;
  if
  :: c_ <= CPUS ->
     i_ = 0;
     do
     :: i_ < FRAMES -> if :: use[i_] == U_FREE && !IN(taken, i_) -> cand = cand | BIT(i_) :: else -> skip fi; i_++
     :: else -> break
     od;
     i_ = 0;
     canonical(false)
  :: else -> elig = 0
  fi;
  cand = 0
}
#define ALLOC_OPT(n, x) :: d_step { c_ <= CPUS && IN(elig, n) -> tbl[c_] = n; taken = taken | BIT(n); c_++; allocNext() }

/* ---------------- entering a kernel ---------------- */

/* memblock at boot (§2), layer over layer, later layers win; all but the crashkernel=
 * layer, which lies under all the others and is added once the successor is known.
 * cand := the crashkernel= frames a later layer took (they forbid a capture successor). */
inline bootView() {
  i_ = 0;
  do
  :: i_ < FRAMES ->
     use[i_] = U_FREE;
     if :: REGION_VISIBLE && IN(REGION_MASK, i_) -> use[i_] = (resmem == RM_MAP -> U_FWRES : U_OUTSIDE) :: else -> skip fi;
     if :: EFI_TABLES && (caps & C_READMR) && IN(memres, i_) -> use[i_] = U_MEMRES :: else -> skip fi;
     if :: entry == E_CRASH && !IN(crashMask, i_) -> use[i_] = U_OUTSIDE :: else -> skip fi;
     i_++
  :: else -> break
  od;
  if :: img != NONE -> use[img] = U_IMAGE :: else -> skip fi;
  if :: ird != NONE -> use[ird] = U_INITRD :: else -> skip fi;
  if :: dtbf != NONE -> use[dtbf] = U_DTB :: else -> skip fi;
  cand = 0; i_ = 0;
  do
  :: i_ < FRAMES -> if :: IN(crashMask, i_) && use[i_] != U_FREE -> cand = cand | BIT(i_) :: else -> skip fi; i_++
  :: else -> break
  od;
  i_ = 0
}

/* the kernel at the next place of the chain starts (entered how: ent) */
inline arrive(ent) {
  if :: ent != E_FIRMWARE -> cur++ :: else -> firstStub = (caps & C_STUB) != 0 fi;
  entry = ent; up = false;
  printf("K%d (caps %d) entered by %d (1 firmware, 2 kexec, 3 crash kexec): image F%d initrd F%d dtb F%d (F255: elsewhere)\n",
         cur + 1, caps, ent, img, ird, dtbf);
  bootView();
  img = NONE; ird = NONE; dtbf = NONE; taken = 0; elig = 0
}
#define PROF(n, c) :: d_step { IN(POSMASK(cur + (ent != E_FIRMWARE)), n) && (ent == E_CRASH || !((c) & C_CAPTURE)) -> \
  caps = (c); printf("profile %d (PR_* above) ", n); arrive(ent) }
inline chooseProfile(ent) {
  if
#if ANY_PLACE & (1 << PR_4_16)
  PROF(PR_4_16, CAPS_4_16)
#endif
#if ANY_PLACE & (1 << PR_4_16_NOLPI)
  PROF(PR_4_16_NOLPI, NOLPI(CAPS_4_16))
#endif
#if ANY_PLACE & (1 << PR_4_19)
  PROF(PR_4_19, CAPS_4_19)
#endif
#if ANY_PLACE & (1 << PR_4_19_NOLPI)
  PROF(PR_4_19_NOLPI, NOLPI(CAPS_4_19))
#endif
#if ANY_PLACE & (1 << PR_5_3)
  PROF(PR_5_3, CAPS_5_3)
#endif
#if ANY_PLACE & (1 << PR_5_3_NOLPI)
  PROF(PR_5_3_NOLPI, NOLPI(CAPS_5_3))
#endif
#if ANY_PLACE & (1 << PR_6_1)
  PROF(PR_6_1, CAPS_6_1)
#endif
#if ANY_PLACE & (1 << PR_6_1_NOLPI)
  PROF(PR_6_1_NOLPI, NOLPI(CAPS_6_1))
#endif
#if ANY_PLACE & (1 << PR_6_12)
  PROF(PR_6_12, CAPS_6_12)
#endif
#if ANY_PLACE & (1 << PR_6_12_NOLPI)
  PROF(PR_6_12_NOLPI, NOLPI(CAPS_6_12))
#endif
#if ANY_PLACE & (1 << PR_KDUMP_6_1)
  PROF(PR_KDUMP_6_1, CAPS_KDUMP_6_1)
#endif
#if ANY_PLACE & (1 << PR_KDUMP_6_1_NOLPI)
  PROF(PR_KDUMP_6_1_NOLPI, NOLPI(CAPS_KDUMP_6_1))
#endif
#ifdef MODEL_DTV1
#if ANY_PLACE & (1 << PR_5_3_DTV1)
  PROF(PR_5_3_DTV1, CAPS_5_3_DTV1)
#endif
#if ANY_PLACE & (1 << PR_5_3_DTV1_NOLPI)
  PROF(PR_5_3_DTV1_NOLPI, NOLPI(CAPS_5_3_DTV1))
#endif
#endif
  fi
}

/* How the kernel after the one now starting will be entered: decided now, because a kernel
 * whose successor is a capture kernel reserves the crashkernel= region at boot (only where
 * nothing else is). --kexec crash means some kernel is entered by crash kexec; an exact
 * chain enters its middle kernels by kexec. */
#ifdef CHAIN
#define CRASH_PLACE(p) ((p) == KERNELS - 1)
#else
#define CRASH_PLACE(p) true
#endif
inline chooseNextEntry() {
  if
  :: d_step { cur + 1 >= KERNELS -> nextEntry = E_NONE; cand = 0 }
  :: d_step { cur + 1 < KERNELS && (POSMASK(cur + 1) & ~CAPTURE_PROFILES) &&
              !(kexecKind == KX_CRASH && !crashUsed && cur + 1 == KERNELS - 1) -> nextEntry = E_KEXEC; cand = 0 }
  :: d_step { cur + 1 < KERNELS && kexecKind == KX_CRASH && CRASH_PLACE(cur + 1) && cand == 0 ->
              nextEntry = E_CRASH; crashUsed = true;
              i_ = 0;
              do :: i_ < FRAMES -> if :: IN(crashMask, i_) -> use[i_] = U_CRASHK :: else -> skip fi; i_++
                 :: else -> break
              od;
              i_ = 0 }
  fi
}

/* ---------------- the properties of a state with the kernel up (§5) ---------------- */
inline upChecks() {
  i_ = 0;
  do
  :: i_ < CPUS ->
     if
     :: lpis[i_] ->
        NO_STRAY_WRITE(OWN_OR_HARMLESS(use[propb[i_]], U_PROP));
        NO_STRAY_WRITE(OWN_OR_HARMLESS(use[pendb[i_]], U_PEND + i_));
        j_ = 0;
        do :: j_ < CPUS -> ONE_PROPERTY_TABLE(!lpis[j_] || propb[j_] == propb[i_]); j_++ :: else -> break od;
        j_ = 0
     :: else -> skip
     fi;
     if
     :: LPI_KERNEL ->
        LPIS_DELIVERED(lpis[i_] && propb[i_] != NONE && use[propb[i_]] == U_PROP &&
                       pendb[i_] != NONE && use[pendb[i_]] == U_PEND + i_)
     :: else -> skip
     fi;
     i_++
  :: else -> break
  od;
  i_ = 0
#ifdef CHAIN
  ; assert(question != Q_APPLICABLE || hw == HW_GICV2 || cur != KERNELS - 1)
#endif
}

/* ---------------- the GIC driver of the running kernel (§3.2) ---------------- */

/* allocate_lpi_tables(): PREALLOCATED is decided on the boot CPU's redistributor; the
 * tables come from the seed's get_of_page() (dt-memory-region-v1, region visible) or
 * from the page allocator */
inline bootStart() {
  prealloc = (caps & C_ADOPT) && lpis[0] && RESERVED(propb[0]);
  if
  :: (caps & C_ADOPT) && lpis[0] && !RESERVED(propb[0]) -> WARN("  GICv3: Expected reserved range, not found\n")
  :: else -> skip
  fi;
  if :: prealloc -> printf("  GICv3: Using preallocated redistributor tables\n"); tbl[0] = propb[0] :: else -> skip fi;
  taken = 0;
  if
  :: (caps & C_DTV1) && REGION_VISIBLE ->
     /* the cursor starts at the region at every boot; an adopted property table is not carved */
     if :: !prealloc -> tbl[0] = REGION_PROP :: else -> skip fi;
     i_ = 0;
     do :: i_ < CPUS -> tbl[1 + i_] = (prealloc -> (i_ == 0 -> REGION_PROP : REGION_PEND(i_ - 1)) : REGION_PEND(i_)); i_++
        :: else -> break
     od;
     i_ = 0;
     c_ = CPUS + 1
  :: else ->
     c_ = (prealloc -> 1 : 0)
  fi;
  allocNext()
}

/* its_cpu_init_lpis() / redist_disable_lpis() on every CPU, then the ITS */
inline bootFinish() {
  printf("  K%d initialises its GIC: property table F%d\n", cur + 1, tbl[0]);
  /* resetting the property table, zeroing the pending tables: that memory was free or set aside */
  NO_STRAY_WRITE(FREE_OR_HARMLESS(use[tbl[0]]));
  i_ = 0;
  do :: i_ < CPUS -> NO_STRAY_WRITE(FREE_OR_HARMLESS(use[tbl[1 + i_]])); i_++ :: else -> break od;
  i_ = 0;
  do
  :: i_ < CPUS ->
     mode[i_] = (prealloc && lpis[i_] -> M_ADOPTED :
                (!lpis[i_] || hw == HW_CLEARABLE -> M_PROGRAMMED :
                ((caps & C_BLIND) -> M_WRITES_IGNORED : M_DISABLE_FAILED)));
     printf("  CPU%d: pending table F%d allocated; mode %d (1 adopted, 2 programmed, 3 disable failed, 4 writes ignored)\n",
            i_, tbl[1 + i_], mode[i_]);
     if :: mode[i_] == M_ADOPTED && !RESERVED(pendb[i_]) -> WARN("  WARN: pending table not in a reserved range\n")
        :: else -> skip fi;
     if :: mode[i_] == M_ADOPTED && propb[i_] != tbl[0] -> WARN("  GICv3: CPU's PROPBASER names another table\n")
        :: else -> skip fi;
     if :: mode[i_] != M_ADOPTED && lpis[i_] && (caps & C_CHECK) ->
           WARN("  GICv3: Booted with LPIs enabled, memory probably corrupted\n")
        :: else -> skip fi;
     if :: mode[i_] == M_DISABLE_FAILED -> WARN("  Failed to disable LPIs\n") :: else -> skip fi;
     i_++
  :: else -> break
  od;
  /* what the kernel now believes, decided on memory as it was: an adopted table is taken
   * over only from memory set aside for it */
  propTaken = (!prealloc || HARMLESS(use[tbl[0]]));
  keep = 0;
  i_ = 0;
  do :: i_ < CPUS -> if :: mode[i_] == M_ADOPTED && HARMLESS(use[pendb[i_]]) -> keep = keep | BIT(i_) :: else -> skip fi; i_++
     :: else -> break
  od;
  if :: propTaken -> use[tbl[0]] = U_PROP :: else -> skip fi;
  i_ = 0;
  do :: i_ < CPUS -> use[tbl[1 + i_]] = U_PEND + i_; i_++ :: else -> break od;
  i_ = 0;
  do :: i_ < CPUS -> if :: IN(keep, i_) -> use[pendb[i_]] = U_PEND + i_ :: else -> skip fi; i_++ :: else -> break od;
  /* its_free_pending_table(): an adopted CPU's spare table goes back to the allocator */
  i_ = 0;
  do :: i_ < CPUS -> if :: mode[i_] == M_ADOPTED -> use[tbl[1 + i_]] = U_FREE :: else -> skip fi; i_++ :: else -> break od;
  /* gic_reserve_range(): new tables into the EFI memreserve list (nothing without EFI) */
  if
  :: EFI_TABLES && (caps & C_WRITEMR) ->
     if :: !prealloc -> memres = memres | BIT(tbl[0]) :: else -> skip fi;
     i_ = 0;
     do :: i_ < CPUS -> if :: mode[i_] == M_PROGRAMMED -> memres = memres | BIT(tbl[1 + i_]) :: else -> skip fi; i_++
        :: else -> break
     od
  :: else -> skip
  fi;
  /* the redistributors it programmed */
  i_ = 0;
  do
  :: i_ < CPUS ->
     if :: mode[i_] == M_PROGRAMMED -> propb[i_] = tbl[0]; pendb[i_] = tbl[1 + i_]; lpis[i_] = true :: else -> skip fi;
     i_++
  :: else -> break
  od;
  /* its_force_quiescent(): disable, wait for Quiescent, then program GITS_BASERn/CBASER, enable */
  itsOn = false;
  ITS_QUIESCENT(!itsOn);
  itsOn = true;
  up = true;
  upChecks();
  i_ = 0;
  do :: i_ < CPUS -> mode[i_] = 0; i_++ :: else -> break od;
  i_ = 0;
  do :: i_ <= CPUS -> tbl[i_] = 0; i_++ :: else -> break od;
  i_ = 0; c_ = 0; prealloc = false; propTaken = false; keep = 0; taken = 0; elig = 0
}

/* ---------------- kexec ---------------- */

/* kexec -l / kexec -e: segments go where the outgoing kernel's /proc/iomem shows System
 * RAM (not a no-map region), skipping nested "reserved" entries (a mapped reserved region,
 * its own image, memreserve'd ranges with ab0eb16205b4) if the loader honours them */
inline kexecStart() {
  cand = ALLF;
  if :: REGION_VISIBLE && resmem == RM_NOMAP -> cand = cand & ~REGION_MASK :: else -> skip fi;
  if
  :: loader == LD_HONOURS ->
     if :: REGION_VISIBLE && resmem == RM_MAP -> cand = cand & ~REGION_MASK :: else -> skip fi;
     if :: caps & C_IOMEM -> cand = cand & ~memres :: else -> skip fi;
     i_ = 0;
     do :: i_ < FRAMES -> if :: use[i_] == U_IMAGE -> cand = cand & ~BIT(i_) :: else -> skip fi; i_++
        :: else -> break
     od;
     i_ = 0
  :: else -> skip
  fi;
  taken = 0;
  segmentsNext()
}

/* ---------------- an MSI (§1, §2) ---------------- */

/* A device's MSI becomes pending on a CPU with LPIs enabled: the GIC sets a bit in the table
 * its PENDBASER names. The state does not change, so one step covers every CPU. */
inline msiArrives() {
  i_ = 0;
  do
  :: i_ < CPUS ->
     if
     :: lpis[i_] ->
        printf("  MSI: the GIC sets a pending bit for CPU%d in F%d, which K%d uses as %d\n", i_, pendb[i_], cur + 1, use[pendb[i_]]);
        NO_STRAY_WRITE(OWN_OR_HARMLESS(use[pendb[i_]], U_PEND + i_))
     :: else -> skip
     fi;
     i_++
  :: else -> break
  od;
  i_ = 0
}

/* ---------------- power-on ---------------- */
inline chooseConfiguration() {
  if :: FW_ALLOWED & FW_EFI -> fw = FW_EFI :: FW_ALLOWED & FW_DT -> fw = FW_DT :: FW_ALLOWED & FW_DTPRE -> fw = FW_DTPRE fi;
  if :: HARDWARE & HW_STICKY -> hw = HW_STICKY :: HARDWARE & HW_CLEARABLE -> hw = HW_CLEARABLE
     :: HARDWARE & HW_GICV2 -> hw = HW_GICV2 fi;
  if :: LOADER & LD_HONOURS -> loader = LD_HONOURS :: LOADER & LD_IGNORES -> loader = LD_IGNORES fi;
  if :: DEVICES & DEV_QUIESCENT -> dev = DEV_QUIESCENT :: DEVICES & DEV_ACTIVE -> dev = DEV_ACTIVE fi;
  if :: KEXEC & KX_NORMAL -> kexecKind = KX_NORMAL :: KEXEC & KX_CRASH -> kexecKind = KX_CRASH fi;
  /* the board's LPI region: required by the bootloader's tables and by the seed's binding */
  if
  :: true -> region = true
#if !defined(MODEL_DTV1)
  :: fw != FW_DTPRE -> region = false
#endif
  fi;
  /* how the region is marked, and whether a kexec'd kernel's DTB carries it, matter only if there is one */
  if
  :: region ->
     if :: RESMEM & RM_MAP -> resmem = RM_MAP :: RESMEM & RM_NOMAP -> resmem = RM_NOMAP fi;
     if :: DTB & DTB_PASS -> dtb = DTB_PASS :: DTB & DTB_USER -> dtb = DTB_USER fi
  :: else ->
     resmem = ((RESMEM & RM_MAP) -> RM_MAP : RM_NOMAP);
     dtb = ((DTB & DTB_PASS) -> DTB_PASS : DTB_USER)
  fi;
  /* the crashkernel= region: any number of frames after the LPI region */
  if
  :: kexecKind == KX_CRASH ->
     c_ = 1;
     do
     :: c_ < FRAMES - (region -> CPUS + 1 : 0) -> c_++
     :: true -> break
     od;
     crashMask = ((1 << c_) - 1) << (region -> CPUS + 1 : 0);
     c_ = 0
  :: else -> skip
  fi;
  d_step {
    printf("configuration: firmware %d region %d reserved-memory %d dtb %d loader %d hardware %d devices %d kexec %d crash region %x\n",
           fw, region, resmem, dtb, loader, hw, dev, kexecKind, crashMask);
    /* U-Boot gic_lpi_tables_init(): every redistributor names the region's tables, LPIs on */
    i_ = 0;
    do
    :: i_ < CPUS ->
       if
       :: fw == FW_DTPRE && hw != HW_GICV2 -> lpis[i_] = true; propb[i_] = REGION_PROP; pendb[i_] = REGION_PEND(i_)
       :: else -> propb[i_] = NONE; pendb[i_] = NONE
       fi;
       i_++
    :: else -> break
    od;
    i_ = 0;
    itsOn = false
  }
}

init {
  c_code { char *q = getenv("KEXEC_QUESTION"); now.question = q ? atoi(q) : 0; };
  /* power-on: firmware starts the first kernel (its segments lie away from both regions,
   * on frames nothing names: as good as elsewhere) */
  atomic {
    chooseConfiguration();
#ifndef CHAIN
    assert(question != Q_APPLICABLE || hw == HW_GICV2);
#endif
    chooseProfile(E_FIRMWARE);
    chooseNextEntry()
  };
end:
  do
  :: d_step { !up && !LPI_KERNEL -> printf("  K%d (no LPIs) is up\n", cur + 1); up = true; upChecks() }
  :: atomic {
       d_step { !up && LPI_KERNEL -> bootStart() };
       do
       OPTIONS(ALLOC_OPT, 0)
       :: d_step { c_ > CPUS -> bootFinish() }; break
       od
     }
  :: atomic {
       d_step { up && nextEntry == E_KEXEC -> kexecStart() };
       placeSegment(img, false); placeSegment(ird, true); placeSegment(dtbf, false);
       chooseProfile(E_KEXEC);
       chooseNextEntry()
     }
  :: atomic {
       /* kexec -p at boot, then a panic: the capture kernel, loaded inside the crashkernel= region */
       d_step { up && nextEntry == E_CRASH -> cand = crashMask; taken = 0; segmentsNext() };
       placeSegment(img, false); placeSegment(ird, true); placeSegment(dtbf, false);
       chooseProfile(E_CRASH);
       chooseNextEntry()
     }
  :: d_step { itsOn && (dev == DEV_ACTIVE || up) -> msiArrives() }
  od
}
