------------------------------- MODULE Kexec -------------------------------
(***************************************************************************)
(* The TLC peer of kexec-check's benchmark: the hand-over of the GICv3 LPI *)
(* tables across a chain of kexec'd kernels (shared/docs/domain.md).  It   *)
(* is the world of bench/peers/spin/kexec.pml, with the same abstraction   *)
(* and the same choices, so that TLC and SPIN do the same work:            *)
(*                                                                         *)
(*   - 64 KiB frames 0 .. FRAMES-1, each with the use the running kernel   *)
(*     believes it has; the LPI region is frames 0 .. CPUS (property table *)
(*     first, then CPU c's pending table at c+1), the crashkernel= region  *)
(*     any number of frames after it;                                      *)
(*   - per CPU the redistributor's EnableLPIs, PROPBASER and PENDBASER;    *)
(*     the ITS enabled or quiesced; the EFI memreserve list (a set of      *)
(*     frames that survives kexec and only grows);                         *)
(*   - the configuration chosen at power-on among the values the           *)
(*     constants allow; kernels as sets of capabilities (domain.md 4).     *)
(*                                                                         *)
(* Events: cold boot (Init), the GIC driver's boot (GicBoot: tables from   *)
(* the page allocator, from the dt-v1 bump allocator, or adopted), a       *)
(* kernel without LPIs coming up, kexec, crash kexec, an MSI, stutter.     *)
(*                                                                         *)
(* Reductions, as in kexec.pml (its README says why each keeps every      *)
(* verdict): a choice of frame takes the lowest frame of each class of     *)
(* frames that differ in nothing the future can see (Sig); a segment goes  *)
(* only on a frame something names, or elsewhere (NONE); the initrd and    *)
(* the DTB are placed in one order only; a kernel's profile and segments   *)
(* are chosen when it is entered, and how its successor will be entered    *)
(* when it starts (that decides the crashkernel= reservation).             *)
(*                                                                         *)
(* Questions (bench/peers/tlc/run asks each with one TLC run, one          *)
(* INVARIANT in the .cfg):                                                 *)
(*   1 NoStrayWrite      violated: corruption                              *)
(*   2 ItsQuiescent      violated: corruption                              *)
(*   3 LpisDelivered     violated: lost-lpis                               *)
(*   4 OnePropertyTable  violated: lost-lpis                               *)
(*   5 NoRunApplies      holds: not-applicable (when 1-4 hold)             *)
(*   6 NoWarning         violated: recoverable (when 1-5 do not decide)    *)
(*                                                                         *)
(* By hand (the runner writes the .cfg; --write-configs DIR keeps them):   *)
(*   java -XX:+UseParallelGC -cp tla2tools.jar tlc2.TLC -workers 1         *)
(*        -deadlock -config q1.cfg Kexec.tla                               *)
(***************************************************************************)
EXTENDS Integers, Sequences, TLC

CONSTANTS
    MODEL,          \* "upstream", "dt-memory-region-v1" or "bootloader-preprogrammed"
    CHAIN,          \* TRUE: an exact chain; the middle kernels are entered by kexec
    KERNELS,        \* the length of the chain (at most 8)
    CPUS,           \* CPUs, each with its redistributor
    FRAMES,         \* frames: (KERNELS+1)*(CPUS+1), as kexec-check
    P1, P2, P3, P4, P5, P6, P7, P8,   \* the profiles allowed at each place of the chain
    FIRMWARE,       \* subsets of {"efi", "dt", "dt-preprogrammed"}
    RESERVED_MEMORY,    \* {"map", "nomap"}
    DTB,            \* {"passthrough", "user-without-reserved"}
    LOADER,         \* {"honours-reserved", "ignores-reserved"}
    HARDWARE,       \* {"sticky", "clearable", "gicv2"}
    DEVICES,        \* {"quiescent", "active"}
    KEXEC           \* {"normal", "crash"}

(***************************************************************************)
(* Kernel profiles as capability sets (domain.md 4, models/.../profiles)   *)
(***************************************************************************)
Caps416 == {"enables-lpis", "blind-reprogram", "efi-stub"}
Caps419 == {"enables-lpis", "disable-with-check", "efi-stub"}
Caps53  == {"enables-lpis", "disable-with-check", "adopts-preallocated", "kdump-bypass",
            "reads-memreserve", "writes-memreserve", "efi-stub"}
Caps61  == Caps53 \cup {"memreserve-in-iomem"}
NoLpi(cs) == cs \ {"enables-lpis"}

Caps(p) ==
    CASE p = "linux-4.16"            -> Caps416
      [] p = "linux-4.16+nolpi"      -> NoLpi(Caps416)
      [] p = "linux-4.19"            -> Caps419
      [] p = "linux-4.19+nolpi"      -> NoLpi(Caps419)
      [] p = "linux-5.3"             -> Caps53
      [] p = "linux-5.3+nolpi"       -> NoLpi(Caps53)
      [] p = "linux-6.1"             -> Caps61
      [] p = "linux-6.1+nolpi"       -> NoLpi(Caps61)
      [] p = "linux-6.12"            -> Caps61
      [] p = "linux-6.12+nolpi"      -> NoLpi(Caps61)
      [] p = "kdump-6.1"             -> Caps61 \cup {"kdump-capture"}
      [] p = "kdump-6.1+nolpi"       -> NoLpi(Caps61 \cup {"kdump-capture"})
      [] p = "linux-5.3+dt-v1"       -> Caps53 \cup {"dt-memory-region-v1"}
      [] p = "linux-5.3+dt-v1+nolpi" -> NoLpi(Caps53 \cup {"dt-memory-region-v1"})

Profiles ==
    {"linux-4.16", "linux-4.16+nolpi", "linux-4.19", "linux-4.19+nolpi",
     "linux-5.3", "linux-5.3+nolpi", "linux-6.1", "linux-6.1+nolpi",
     "linux-6.12", "linux-6.12+nolpi", "kdump-6.1", "kdump-6.1+nolpi"}
    \cup (IF MODEL = "dt-memory-region-v1"
          THEN {"linux-5.3+dt-v1", "linux-5.3+dt-v1+nolpi"} ELSE {})

Place(k) ==
    CASE k = 1 -> P1 [] k = 2 -> P2 [] k = 3 -> P3 [] k = 4 -> P4
      [] k = 5 -> P5 [] k = 6 -> P6 [] k = 7 -> P7 [] k = 8 -> P8

ASSUME /\ MODEL \in {"upstream", "dt-memory-region-v1", "bootloader-preprogrammed"}
       /\ CHAIN \in BOOLEAN
       /\ KERNELS \in 1 .. 8
       /\ CPUS \in Nat /\ CPUS >= 1
       /\ FRAMES \in Nat /\ FRAMES > CPUS
       /\ \A k \in 1 .. KERNELS : Place(k) \subseteq Profiles

(***************************************************************************)
(* Frames, CPUs and what a frame is to the running kernel                  *)
(***************************************************************************)
NONE == -1                        \* no frame: a register not programmed, a segment elsewhere
Frames == 0 .. (FRAMES - 1)
Cpus == 0 .. (CPUS - 1)

\* uses: "free" (page allocator), "image", "initrd", "dtb" (its segments), "fw-reserved"
\* (/reserved-memory without no-map), "memreserved" (EFI memreserve), "crashkernel",
\* "outside" (not its RAM), "property", and Pend(c): CPU c's pending table
Pend(c) == "pending-" \o ToString(c)
MemblockReserved == {"image", "initrd", "dtb", "fw-reserved", "memreserved", "crashkernel"}
Harmless == {"fw-reserved", "memreserved", "outside"}
FreeOrHarmless == {"free"} \cup Harmless

VARIABLES
    conf,               \* the configuration, chosen at power-on (a record)
    crashUsed,          \* some kernel of the chain is entered by crash kexec
    cur,                \* the running kernel's place in the chain, 1 .. KERNELS
    caps,               \* its capabilities
    entry,              \* how it was entered: "firmware", "kexec" or "crash"
    nextEntry,          \* how the next one will be: "kexec", "crash" or "none"
    up,                 \* its GIC driver has initialised
    lpis,               \* CPUs whose GICR_CTLR.EnableLPIs is set
    propb,              \* GICR_PROPBASER.PA per CPU (a frame or NONE)
    pendb,              \* GICR_PENDBASER.PA per CPU
    itsOn,              \* GITS_CTLR.Enabled (disabled means quiescent)
    use,                \* what each frame is to the running kernel
    memres,             \* the frames the EFI memreserve list names
    bootStray,          \* the running kernel's GIC boot reset or zeroed a table in memory in use
    bootWarned,         \* ... printed a warning of domain.md 3.2
    itsProgrammedLive   \* ... programmed the ITS bases while the ITS was enabled

vars == <<conf, crashUsed, cur, caps, entry, nextEntry, up, lpis, propb, pendb, itsOn,
          use, memres, bootStray, bootWarned, itsProgrammedLive>>

Region == IF conf.region THEN 0 .. CPUS ELSE {}
RegionVisible(k) == conf.region /\ (k = 1 \/ conf.dtb = "passthrough")
EfiTables(cs) == conf.fw = "efi" /\ "efi-stub" \in cs /\ conf.firstStub
LpiKernel == "enables-lpis" \in caps /\ conf.hw # "gicv2"
UseOf(f) == IF f = NONE THEN "nothing" ELSE use[f]
\* gic_check_reserved_range(): a kdump kernel, or inside one memblock.reserved range
Reserved(f) == ("kdump-bypass" \in caps /\ entry = "crash") \/ UseOf(f) \in MemblockReserved
Last(S) == CHOOSE x \in S : \A y \in S : y <= x

(***************************************************************************)
(* Choosing frames: the lowest frame of each class of interchangeable      *)
(* frames (static role, memreserve, the registers that name them)          *)
(***************************************************************************)
Sig(f) == << (IF f \in Region THEN 2 + f ELSE IF f \in conf.crash THEN 1 ELSE 0),
             f \in memres,
             {c \in Cpus : propb[c] = f},
             {c \in Cpus : pendb[c] = f} >>
Named(f) == f \in Region \/ f \in memres \/ \E c \in Cpus : propb[c] = f \/ pendb[c] = f
Canonical(S) == {f \in S : \A g \in S : g < f => Sig(g) # Sig(f)}
Elig(S) == {f \in Canonical(S) : Named(f)}

\* the page allocator: n distinct free frames, one canonical choice after the other
RECURSIVE Allocations(_, _)
Allocations(n, taken) ==
    IF n = 0 THEN {<<>>}
    ELSE UNION {{<<f>> \o rest : rest \in Allocations(n - 1, taken \cup {f})} :
                f \in Canonical({g \in Frames : use[g] = "free"} \ taken)}

(***************************************************************************)
(* Entering a kernel                                                       *)
(***************************************************************************)
\* memblock at boot (domain.md 2), later layers winning: free, the LPI region, the
\* EFI memreserve entries, outside a capture kernel's region, its own segments
BootView(k, kcaps, how, img, ird, dtbAt) ==
    [f \in Frames |->
        IF f = img THEN "image"
        ELSE IF f = ird THEN "initrd"
        ELSE IF f = dtbAt THEN "dtb"
        ELSE IF how = "crash" /\ f \notin conf.crash THEN "outside"
        ELSE IF EfiTables(kcaps) /\ "reads-memreserve" \in kcaps /\ f \in memres
             THEN "memreserved"
        ELSE IF RegionVisible(k) /\ f \in Region
             THEN (IF conf.resmem = "map" THEN "fw-reserved" ELSE "outside")
        ELSE "free"]

NonCapture(k) == \E p \in Place(k) : "kdump-capture" \notin Caps(p)
CrashPlace(k) == ~CHAIN \/ k = KERNELS

\* How the successor of kernel k (booting with memory view) will be entered: --kexec crash
\* means some kernel is (the last one of an exact chain), and the kernel before a capture
\* kernel reserves the crashkernel= region at boot, only where nothing else is.
NextEntries(k, view, used) ==
    IF k = KERNELS THEN {"none"}
    ELSE (IF NonCapture(k + 1) /\ ~(conf.kexec = "crash" /\ ~used /\ k + 1 = KERNELS)
          THEN {"kexec"} ELSE {})
         \cup
         (IF conf.kexec = "crash" /\ CrashPlace(k + 1) /\ \A f \in conf.crash : view[f] = "free"
          THEN {"crash"} ELSE {})

Reserve(view, ne) ==
    IF ne = "crash"
    THEN [f \in Frames |-> IF f \in conf.crash THEN "crashkernel" ELSE view[f]]
    ELSE view

\* the next kernel starts, entered by how, its segments at img, ird and dtbAt
Enter(how, img, ird, dtbAt) ==
    \E p \in Place(cur + 1) :
        /\ how = "crash" \/ "kdump-capture" \notin Caps(p)
        /\ LET view == BootView(cur + 1, Caps(p), how, img, ird, dtbAt)
           IN \E ne \in NextEntries(cur + 1, view, crashUsed) :
                 /\ cur' = cur + 1
                 /\ caps' = Caps(p)
                 /\ entry' = how
                 /\ nextEntry' = ne
                 /\ up' = FALSE
                 /\ use' = Reserve(view, ne)
                 /\ crashUsed' = (crashUsed \/ ne = "crash")
                 /\ bootStray' = FALSE
                 /\ bootWarned' = FALSE
                 /\ itsProgrammedLive' = FALSE
                 /\ UNCHANGED <<conf, lpis, propb, pendb, itsOn, memres>>

\* the loader places the image, then the initrd, then the DTB (above the initrd: the two
\* are interchangeable), each on an eligible frame of cand or elsewhere
PlaceSegments(cand, how) ==
    \E img \in Elig(cand) \cup {NONE} :
    \E ird \in Elig(cand \ {img}) \cup {NONE} :
    \E dtbAt \in (IF ird = NONE THEN {NONE}
                  ELSE {f \in Elig(cand \ {img, ird}) : f > ird} \cup {NONE}) :
        Enter(how, img, ird, dtbAt)

(***************************************************************************)
(* Power-on: firmware (and, with dt-preprogrammed, U-Boot's                *)
(* gic_lpi_tables_init) has run and starts the first kernel, whose         *)
(* segments lie on frames nothing names                                    *)
(***************************************************************************)
Pin(S, preferred, other) == IF preferred \in S THEN preferred ELSE other
RegionBase(hasRegion) == IF hasRegion THEN CPUS + 1 ELSE 0
CrashRegions(hasRegion, kx) ==
    IF kx = "crash"
    THEN {RegionBase(hasRegion) .. (RegionBase(hasRegion) + n - 1) :
          n \in 1 .. (FRAMES - RegionBase(hasRegion))}
    ELSE {{}}
Preprogrammed == conf.fw = "dt-preprogrammed" /\ conf.hw # "gicv2"

Init ==
    \E fwv \in (IF MODEL = "bootloader-preprogrammed"
                THEN FIRMWARE \cap {"dt-preprogrammed"} ELSE FIRMWARE),
       hwv \in HARDWARE, ldv \in LOADER, devv \in DEVICES, kxv \in KEXEC :
    \* the board's LPI region: required by the bootloader's tables and by the seed's binding
    \E hasRegion \in (IF MODEL = "dt-memory-region-v1" \/ fwv = "dt-preprogrammed"
                      THEN {TRUE} ELSE {TRUE, FALSE}) :
    \* how it is marked and whether a kexec'd kernel's DTB carries it matter only if it exists
    \E rmv \in (IF hasRegion THEN RESERVED_MEMORY ELSE {Pin(RESERVED_MEMORY, "map", "nomap")}) :
    \E dtbv \in (IF hasRegion THEN DTB ELSE {Pin(DTB, "passthrough", "user-without-reserved")}) :
    \E crashv \in CrashRegions(hasRegion, kxv) :
    \E p \in P1 :
        /\ "kdump-capture" \notin Caps(p)
        /\ conf = [fw |-> fwv, hw |-> hwv, loader |-> ldv, devices |-> devv, kexec |-> kxv,
                   region |-> hasRegion, resmem |-> rmv, dtb |-> dtbv, crash |-> crashv,
                   firstStub |-> "efi-stub" \in Caps(p)]
        /\ cur = 1
        /\ caps = Caps(p)
        /\ entry = "firmware"
        /\ up = FALSE
        /\ memres = {}
        /\ lpis = IF Preprogrammed THEN Cpus ELSE {}
        /\ propb = [c \in Cpus |-> IF Preprogrammed THEN 0 ELSE NONE]
        /\ pendb = [c \in Cpus |-> IF Preprogrammed THEN c + 1 ELSE NONE]
        /\ itsOn = FALSE
        /\ bootStray = FALSE
        /\ bootWarned = FALSE
        /\ itsProgrammedLive = FALSE
        /\ LET view == BootView(1, Caps(p), "firmware", NONE, NONE, NONE)
           IN \E ne \in NextEntries(1, view, FALSE) :
                 /\ nextEntry = ne
                 /\ use = Reserve(view, ne)
                 /\ crashUsed = (ne = "crash")

(***************************************************************************)
(* The GIC driver of the running kernel (domain.md 3.2, 3.3)               *)
(***************************************************************************)
\* allocate_lpi_tables(): PREALLOCATED is decided on the boot CPU's redistributor
Prealloc == "adopts-preallocated" \in caps /\ 0 \in lpis /\ Reserved(propb[0])
\* the seed's get_of_page(): the bump allocator starts at the region at every boot
Carves == "dt-memory-region-v1" \in caps /\ RegionVisible(cur)

\* where the property table (adopted or new) and the pending tables come from
Layouts ==
    IF Carves
    THEN {[prop |-> (IF Prealloc THEN propb[0] ELSE 0),
           pend |-> [c \in Cpus |-> IF Prealloc THEN c ELSE c + 1]]}
    ELSE IF Prealloc
    THEN {[prop |-> propb[0], pend |-> [c \in Cpus |-> s[c + 1]]] : s \in Allocations(CPUS, {})}
    ELSE {[prop |-> s[1], pend |-> [c \in Cpus |-> s[c + 2]]] : s \in Allocations(CPUS + 1, {})}

\* its_cpu_init_lpis() / redist_disable_lpis() on CPU c
CpuMode(c) ==
    IF Prealloc /\ c \in lpis THEN "adopted"
    ELSE IF c \notin lpis \/ conf.hw = "clearable" THEN "programmed"
    ELSE IF "blind-reprogram" \in caps THEN "writes-ignored"
    ELSE "disable-failed"

\* a warning of domain.md 3.2, with the property table prop taken
Warns(prop) ==
    \/ "adopts-preallocated" \in caps /\ 0 \in lpis /\ ~Reserved(propb[0])
    \/ \E c \in Cpus :
          \/ CpuMode(c) = "adopted" /\ ~Reserved(pendb[c])
          \/ CpuMode(c) = "adopted" /\ propb[c] # prop
          \/ CpuMode(c) # "adopted" /\ c \in lpis /\ "disable-with-check" \in caps
          \/ CpuMode(c) = "disable-failed"

GicBoot ==
    /\ ~up
    /\ LpiKernel
    /\ \E t \in Layouts :
         LET adopted    == {c \in Cpus : CpuMode(c) = "adopted"}
             programmed == {c \in Cpus : CpuMode(c) = "programmed"}
             \* an adopted table is taken over only from memory set aside for it
             propTaken  == ~Prealloc \/ UseOf(t.prop) \in Harmless
             kept       == {c \in adopted : UseOf(pendb[c]) \in Harmless}
             \* what the kernel believes afterwards; its_free_pending_table() gives an
             \* adopted CPU's spare table back to the allocator
             NewUse(f) ==
                 IF \E c \in adopted : t.pend[c] = f THEN "free"
                 ELSE IF \E c \in kept : pendb[c] = f
                      THEN Pend(Last({c \in kept : pendb[c] = f}))
                 ELSE IF \E c \in Cpus : t.pend[c] = f
                      THEN Pend(Last({c \in Cpus : t.pend[c] = f}))
                 ELSE IF propTaken /\ f = t.prop THEN "property"
                 ELSE use[f]
         IN /\ bootStray' = ~(/\ UseOf(t.prop) \in FreeOrHarmless
                              /\ \A c \in Cpus : UseOf(t.pend[c]) \in FreeOrHarmless)
            /\ bootWarned' = Warns(t.prop)
            /\ use' = [f \in Frames |-> NewUse(f)]
            \* gic_reserve_range(): new tables into the EFI memreserve list (nothing without EFI)
            /\ memres' = IF EfiTables(caps) /\ "writes-memreserve" \in caps
                         THEN memres \cup (IF Prealloc THEN {} ELSE {t.prop})
                                     \cup {t.pend[c] : c \in programmed}
                         ELSE memres
            /\ lpis' = lpis \cup programmed
            /\ propb' = [c \in Cpus |-> IF c \in programmed THEN t.prop ELSE propb[c]]
            /\ pendb' = [c \in Cpus |-> IF c \in programmed THEN t.pend[c] ELSE pendb[c]]
            \* its_force_quiescent(): disabled, and quiescent, before GITS_BASERn/CBASER
            /\ itsProgrammedLive' = FALSE
            /\ itsOn' = TRUE
            /\ up' = TRUE
            /\ UNCHANGED <<conf, crashUsed, cur, caps, entry, nextEntry>>

UpWithoutLpis ==
    /\ ~up
    /\ ~LpiKernel
    /\ up' = TRUE
    /\ UNCHANGED <<conf, crashUsed, cur, caps, entry, nextEntry, lpis, propb, pendb, itsOn,
                   use, memres, bootStray, bootWarned, itsProgrammedLive>>

(***************************************************************************)
(* kexec -l / kexec -e: segments go where the outgoing kernel's /proc/iomem *)
(* shows System RAM (not a no-map region), skipping nested "reserved"      *)
(* entries (a mapped region, its own image, memreserve'd ranges with       *)
(* ab0eb16205b4) if the loader honours them                                *)
(***************************************************************************)
LoadCandidates ==
    LET visible == RegionVisible(cur)
        notRam  == IF visible /\ conf.resmem = "nomap" THEN Region ELSE {}
        nested  == IF conf.loader = "honours-reserved"
                   THEN (IF visible /\ conf.resmem = "map" THEN Region ELSE {})
                        \cup (IF "memreserve-in-iomem" \in caps THEN memres ELSE {})
                        \cup {f \in Frames : use[f] = "image"}
                   ELSE {}
    IN Frames \ (notRam \cup nested)

NormalKexec ==
    /\ up
    /\ nextEntry = "kexec"
    /\ PlaceSegments(LoadCandidates, "kexec")

\* kexec -p at boot, then a panic: the capture kernel, loaded inside the crashkernel= region
CrashKexec ==
    /\ up
    /\ nextEntry = "crash"
    /\ PlaceSegments(conf.crash, "crash")

\* A device's MSI becomes pending on every CPU with LPIs enabled: the GIC sets a bit in the
\* table PENDBASER names.  The state does not change; NoStrayWrite checks where it lands.
\* Quiescent devices send nothing until the next kernel is up.
MsiCanArrive == itsOn /\ (conf.devices = "active" \/ up)
MsiArrives == MsiCanArrive /\ UNCHANGED vars

Stutter == UNCHANGED vars

Next ==
    \/ GicBoot
    \/ UpWithoutLpis
    \/ NormalKexec
    \/ CrashKexec
    \/ MsiArrives
    \/ Stutter

Spec == Init /\ [][Next]_vars

(***************************************************************************)
(* The properties (domain.md 5), as invariants, and the two witnesses      *)
(***************************************************************************)
\* no pending bit and no table reset lands in memory the running kernel uses for
\* something else, and once it is up no live table is in its page allocator
NoStrayWrite ==
    /\ ~bootStray
    /\ MsiCanArrive => \A c \in lpis : UseOf(pendb[c]) \in {Pend(c)} \cup Harmless
    /\ up => \A c \in lpis : /\ UseOf(propb[c]) \in {"property"} \cup Harmless
                             /\ UseOf(pendb[c]) \in {Pend(c)} \cup Harmless

\* no kernel programs the ITS bases while the ITS is enabled
ItsQuiescent == ~itsProgrammedLive

\* a kernel that enables LPIs ends its boot with LPIs on every CPU, each redistributor
\* naming tables this kernel uses as such
LpisDelivered ==
    (up /\ LpiKernel) => \A c \in Cpus : /\ c \in lpis
                                         /\ UseOf(propb[c]) = "property"
                                         /\ UseOf(pendb[c]) = Pend(c)

\* every enabled redistributor names the same property table
OnePropertyTable == \A c, d \in lpis : propb[c] = propb[d]

\* witness 5: no run applies (a GICv3 with LPIs and, for an exact chain, the last kernel up)
NoRunApplies == ~(conf.hw # "gicv2" /\ (CHAIN => (up /\ cur = KERNELS)))

\* witness 6: no kernel prints a warning of domain.md 3.2
NoWarning == ~bootWarned

=============================================================================
