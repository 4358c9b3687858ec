#!/usr/bin/env python3
"""Classify the serial log of one kexec chain run under QEMU.

Input: the serial log written by run-chain (kernel console lines, plus the
"KC:", "kc-dmesg:", "kc-iomem:" and "kc-kexec:" lines printed by the
initramfs /init), and the run's configuration.
Output: a per-stage summary on stdout and a JSON result file with one outcome
class for the run, in the checker's vocabulary (domain.md section 5):
corruption, lost-lpis, fail-stop, recoverable, safe; plus two classes that
say the run itself did not answer: "unexplained" (a crash or hang that no
evidence ties to the LPI tables) and "harness-error" (the harness, not the
kernels, failed: e.g. kexec could not load, stage 1 never reached init).

The mapping (why each log line means what it means) is documented in
docs/qemu-harness.md; the rules are in classify_run() below.
"""

import argparse
import base64
import gzip
import hashlib
import json
import os
import re
import sys

SZ_64K = 0x10000

# Console lines of a kernel start with a printk timestamp.
TS = r"^\[\s*\d+\.\d+\]\s"
RE_STAGE_START = re.compile(TS + r"Booting Linux on physical CPU")
RE_VERSION = re.compile(r"Linux version (\S+)")
RE_PROP = re.compile(r"GICv3: using LPI property table @(0x[0-9a-f]+)")
RE_PEND = re.compile(r"GICv3: CPU(\d+): using (allocated|reserved) LPI pending table @(0x[0-9a-f]+)")
RE_REDIST = re.compile(r"GICv3: CPU(\d+): found redistributor")
RE_PREALLOC = re.compile(r"GICv3: Using preallocated redistributor tables")
RE_EXPECTED = re.compile(r"GICv3: Expected reserved range \[(0x[0-9a-f]+):(0x[0-9a-f]+)\], not found")
RE_CORRUPTED = re.compile(r"GICv3: CPU(\d+): Booted with LPIs enabled, memory probably corrupted")
RE_FAILED_DISABLE = re.compile(r"CPU(\d+): Failed to disable LPIs")
RE_TIMEOUT_DISABLE = re.compile(r"Timeout while disabling LPIs")
RE_ITS_QUIESCE = re.compile(r"[Ff]ailed to quiesce")
RE_WARNING = re.compile(TS + r"WARNING: CPU: \d+ PID: \d+ at (\S+)")
RE_OOPS = re.compile(r"Internal error: |Unable to handle kernel|^\[[^\]]*\] BUG: |kernel BUG at|Bad page state")
RE_PANIC = re.compile(r"Kernel panic - not syncing: (.*)")
RE_SYSRQ = re.compile(r"sysrq: Trigger a crash|sysrq triggered crash")
RE_EFI_ON = re.compile(r"efi: EFI v[\d.]+ by |EFI stub: Booting Linux Kernel")
RE_EFI_OFF = re.compile(r"efi: UEFI not found")
RE_KC_INIT = re.compile(r"^KC: stage (\d+)/(\d+) reached init: kernel (\S+)")
RE_KC_KDUMP = re.compile(r"^KC: this is a kdump kernel")
RE_KC_LOAD_END = re.compile(r"^KC: kexec load end rc=(\d+)")
RE_KC_HANDOVER = re.compile(r"^KC: handing over: (.*)")
RE_KC_COMPLETE = re.compile(r"^KC: chain complete")
RE_KC_OVERWRITTEN = re.compile(r"^KC: overwritten by the reset: (.*)")
RE_MEMRESERVE = re.compile(r"efi: .*MEMRESERVE=(0x[0-9a-f]+)")
RE_KC_ONLINE = re.compile(r"^KC: cpus online=(\S+)")
# An Oops whose code bytes are all the property-table reset value: the kernel
# executed memory that its own LPI property table reset had overwritten
# (0xa2 in 6.1, 0xc2 in 6.12; domain.md section 6).
RE_CODE_PROPBYTE = re.compile(r"Code: ((?:a2a2a2a2 ?|c2c2c2c2 ?|\(a2a2a2a2\) ?|\(c2c2c2c2\) ?)+)$")
RE_SEG = re.compile(r"^kc-kexec: segment\[(\d+)\]\.(mem|memsz)\s*=\s*(0x[0-9a-f]+)")
RE_SEG_KERNEL = re.compile(r"^kc-kexec: image_arm64_load: kernel_segment:\s*([0-9a-f]+)")
RE_SEG_INITRD = re.compile(r"^kc-kexec: initrd: base ([0-9a-f]+), size")
RE_SEG_DTB = re.compile(r"^kc-kexec: dtb:\s+base ([0-9a-f]+), size")
RE_SEG_ELFCORE = re.compile(r"^kc-kexec: load_crashdump_segments: elfcorehdr (?:0x)?([0-9a-f]+)-")
RE_IOMEM = re.compile(r"^kc-iomem: (\s*)([0-9a-f]+)-([0-9a-f]+) : (.*)$")
RE_DROP_PREFIX = re.compile(r"^kc-dmesg: ")
# Files captured by /init (gzip + base64 between begin and end markers).
RE_FILE_BEGIN = re.compile(r"^kc-file-begin: (\S+) (\d+) ([0-9a-f]{32})")
RE_FILE_DATA = re.compile(r"^kc-file: ([A-Za-z0-9+/=]+)\s*$")
RE_FILE_END = re.compile(r"^kc-file-end: (\S+)")
RE_EFI_DIR = re.compile(r"^kc-efi-dir: (present|absent)")
# /proc/interrupts lines printed by /init with --devices active:
# kc-irq-<phase>:  13:   120   0   ITS-MSI 16384 Edge   virtio0-input.0
RE_IRQ = re.compile(r"^kc-irq-(\w+): +(\d+): +((?:\d+ +)+)(ITS-MSI|ITS-pMSI|\S*MSI\S*) +(\d+) +(\S+) +(.*)$")
RE_PING = re.compile(r"^kc-ping: (\d+) packets transmitted, (\d+) packets received")
RE_KC_DEVICES = re.compile(r"^KC: devices active: (.*)")

# Lines worth quoting in a report, in the order they matter.
KEY_LINE = re.compile(
    r"Using preallocated|Expected reserved range|memory probably corrupted|"
    r"Failed to disable LPIs|Timeout while disabling|Failed to quiesce|"
    r"using LPI property table|LPI pending table|WARNING: CPU|Internal error|"
    r"Unable to handle kernel|Kernel panic|BUG:|Bad page state|efi: EFI v|"
    r"efi: UEFI not found|EFI stub: Booting|crashkernel reserved|"
    r"kexec_core: Starting new kernel|Starting crashdump kernel|^KC: ")


class Stage:
    def __init__(self, index):
        self.index = index            # 1-based
        self.lines = []
        self.release = None
        self.efi = None               # True/False/None (unknown)
        self.kdump = False
        self.reached_init = False
        self.prop = None              # property table PA this kernel uses
        self.pending = {}             # cpu -> (allocated|reserved, PA)
        self.redists = set()          # CPUs whose redistributor was found
        self.preallocated = False
        self.expected_reserved = []   # (start, end) of failed reserved checks
        self.lpis_were_enabled = set()
        self.failed_disable = set()
        self.timeout_disable = False
        self.its_quiesce_failed = False
        self.warnings = []            # WARNING: ... at file
        self.oops = []
        self.panic = []
        self.sysrq = False
        self.overwritten = None       # symbols /init found under an adopted table
        self.memreserve = None        # EFI memreserve root table, if any
        self.online = None            # online CPUs as listed by /init
        self.code_propbyte = None     # Oops "Code:" line full of 0xa2/0xc2
        self.kexec_rc = None
        self.handover = None          # "kexec -e" / "crash via sysrq"
        self.starting_new = False
        self.complete = False
        self.segments = {}            # idx -> {mem, memsz}
        self.seg_roles = {}           # address -> role
        self.iomem_ram = []           # System RAM ranges
        self.iomem_reserved = []      # reserved ranges nested in System RAM
        self.live_prop = {}           # cpu -> property table PA the redistributor uses
        self.live_pend = {}           # cpu -> pending table PA the redistributor uses
        self.files = {}               # path -> {size, md5, b64: [lines], complete}
        self.efi_dir = None           # /sys/firmware/efi present?
        self.irqs = {}                # phase -> {name: {"irq", "lpi", "chip", "counts"}}
        self.ping = None              # (transmitted, received)
        self.netdevs = None           # /sys/class/net as listed by /init
        self._file = None
        self.key = []

    def tables(self):
        """The LPI tables the GIC uses while this kernel runs: (name, start, end).

        Normally the ones the kernel printed. On a CPU where it "Failed to
        disable LPIs" (sticky EnableLPIs) the redistributor keeps the tables
        it had before, whatever the kernel printed (live_prop/live_pend,
        filled in by live_tables())."""
        out = []
        props = sorted(set(self.live_prop.values())) if self.live_prop else \
            ([self.prop] if self.prop is not None else [])
        for pa in props:
            out.append(("property table", pa, pa + SZ_64K))
        pend = self.live_pend if self.live_pend else {c: pa for c, (_, pa) in self.pending.items()}
        for cpu, pa in sorted(pend.items()):
            out.append(("CPU%d pending table" % cpu, pa, pa + SZ_64K))
        return out

    def segment_list(self):
        out = []
        for i in sorted(self.segments):
            s = self.segments[i]
            if "mem" not in s or "memsz" not in s:
                continue
            role = self.seg_roles.get(s["mem"], "purgatory/other")
            out.append({"index": i, "role": role, "start": s["mem"],
                        "end": s["mem"] + s["memsz"]})
        return out


def parse(log_text):
    pre = []
    stages = []
    cur = None
    for raw in log_text.splitlines():
        line = raw.rstrip("\r")
        if RE_STAGE_START.search(line):
            cur = Stage(len(stages) + 1)
            stages.append(cur)
        if cur is None:
            pre.append(line)
            continue
        cur.lines.append(line)
        body = RE_DROP_PREFIX.sub("", line)
        if (m := RE_FILE_BEGIN.search(line)):
            cur._file = m.group(1)
            cur.files[cur._file] = {"size": int(m.group(2)), "md5": m.group(3), "b64": [],
                                    "complete": False}
            continue
        if cur._file is not None:
            if (m := RE_FILE_DATA.search(line)):
                cur.files[cur._file]["b64"].append(m.group(1))
                continue
            if (m := RE_FILE_END.search(line)) and m.group(1) == cur._file:
                cur.files[cur._file]["complete"] = True
                cur._file = None
                continue
            # Anything else interrupts the file (a console line slipped in).
        if (m := RE_EFI_DIR.search(line)):
            cur.efi_dir = m.group(1) == "present"
        if (m := RE_IRQ.search(line)):
            counts = [int(c) for c in m.group(3).split()]
            cur.irqs.setdefault(m.group(1), {})[m.group(7).strip()] = {
                "irq": int(m.group(2)), "lpi": int(m.group(5)), "chip": m.group(4), "counts": counts}
        if (m := RE_PING.search(line)):
            cur.ping = (int(m.group(1)), int(m.group(2)))
        if (m := RE_KC_DEVICES.search(line)):
            cur.netdevs = m.group(1).split()
        if KEY_LINE.search(body) and not line.startswith(("kc-kexec:", "kc-iomem:", "kc-irq")):
            if body not in cur.key:
                cur.key.append(body)
        m = RE_VERSION.search(body)
        if m and cur.release is None:
            cur.release = m.group(1)
        if RE_EFI_ON.search(body):
            cur.efi = True
        elif RE_EFI_OFF.search(body):
            cur.efi = False
        if (m := RE_PROP.search(body)):
            cur.prop = int(m.group(1), 16)
        if (m := RE_PEND.search(body)):
            cur.pending[int(m.group(1))] = (m.group(2), int(m.group(3), 16))
        if (m := RE_REDIST.search(body)):
            cur.redists.add(int(m.group(1)))
        if RE_PREALLOC.search(body):
            cur.preallocated = True
        if (m := RE_EXPECTED.search(body)):
            r = (int(m.group(1), 16), int(m.group(2), 16))
            if r not in cur.expected_reserved:
                cur.expected_reserved.append(r)
        if (m := RE_CORRUPTED.search(body)):
            cur.lpis_were_enabled.add(int(m.group(1)))
        if (m := RE_FAILED_DISABLE.search(body)):
            cur.failed_disable.add(int(m.group(1)))
        if RE_TIMEOUT_DISABLE.search(body):
            cur.timeout_disable = True
        if RE_ITS_QUIESCE.search(body):
            cur.its_quiesce_failed = True
        if (m := RE_WARNING.search(body)) and m.group(1) not in cur.warnings:
            cur.warnings.append(m.group(1))
        if RE_OOPS.search(body) and body not in cur.oops:
            cur.oops.append(body)
        if (m := RE_PANIC.search(body)) and m.group(1) not in cur.panic:
            cur.panic.append(m.group(1))
        if RE_SYSRQ.search(body):
            cur.sysrq = True
        if "kexec_core: Starting new kernel" in body or "Starting crashdump kernel" in body:
            cur.starting_new = True
        if RE_KC_INIT.search(line):
            cur.reached_init = True
        if RE_KC_KDUMP.search(line):
            cur.kdump = True
        if (m := RE_KC_LOAD_END.search(line)):
            cur.kexec_rc = int(m.group(1))
        if (m := RE_KC_HANDOVER.search(line)):
            cur.handover = m.group(1)
        if RE_KC_COMPLETE.search(line):
            cur.complete = True
        if (m := RE_KC_OVERWRITTEN.search(line)):
            cur.overwritten = m.group(1)
        if (m := RE_MEMRESERVE.search(body)):
            cur.memreserve = m.group(1)
        if (m := RE_KC_ONLINE.search(line)):
            cur.online = cpu_list(m.group(1))
        if (m := RE_CODE_PROPBYTE.search(body)):
            cur.code_propbyte = body.strip()
        if (m := RE_SEG.search(line)):
            cur.segments.setdefault(int(m.group(1)), {})[m.group(2)] = int(m.group(3), 16)
        if (m := RE_SEG_KERNEL.search(line)):
            cur.seg_roles[int(m.group(1), 16)] = "kernel"
        if (m := RE_SEG_INITRD.search(line)):
            cur.seg_roles[int(m.group(1), 16)] = "initrd"
        if (m := RE_SEG_DTB.search(line)):
            cur.seg_roles[int(m.group(1), 16)] = "dtb"
        if (m := RE_SEG_ELFCORE.search(line)):
            cur.seg_roles[int(m.group(1), 16)] = "elfcorehdr"
        if (m := RE_IOMEM.search(line)):
            start, end = int(m.group(2), 16), int(m.group(3), 16) + 1
            name = m.group(4).strip()
            if not m.group(1) and name == "System RAM":
                cur.iomem_ram.append((start, end))
            elif m.group(1) and name == "reserved":
                cur.iomem_reserved.append((start, end))
    return pre, stages


def cpu_list(text):
    """Parse a sysfs CPU list such as 0-1,3."""
    out = []
    for part in text.split(","):
        if "-" in part:
            a, b = part.split("-")
            out.extend(range(int(a), int(b) + 1))
        elif part:
            out.append(int(part))
    return out


def overlaps(a0, a1, b0, b1):
    return a0 < b1 and b0 < a1


def hx(v):
    return "0x%x" % v


def input_irq(stage, phase):
    """The virtio-net receive queue's entry of /proc/interrupts in a phase."""
    for name, e in sorted(stage.irqs.get(phase, {}).items()):
        if re.match(r"virtio\d+-input", name):
            return name, e
    return None, None


def device_evidence(s, first):
    """With --devices active: did this stage's virtio-net get its LPIs?

    ("ok"|"lost"|"harness"|"unexplained", text). The host sends a datagram
    every 5 ms, so a receive queue that counted no interrupt on any CPU
    after a second of traffic lost its LPIs, provided the first stage's did
    count some (which shows the traffic reaches the guest at all)."""
    name, e = input_irq(s, "up")
    ping = ("; ping: %d/%d replies" % (s.ping[1], s.ping[0])) if s.ping else ""
    if e is None:
        if s is first:
            return "harness", "no virtio-net receive interrupt in /proc/interrupts (driver not loaded?)"
        return "unexplained", "no virtio-net receive interrupt in /proc/interrupts after loading the driver"
    total = sum(e["counts"])
    if total > 0:
        return "ok", "%s (LPI %d) %s" % (name, e["lpi"], e["counts"])
    if s is first:
        return "harness", "%s counted no interrupt in the first kernel: the traffic did not reach the guest%s" % (name, ping)
    fname, fe = input_irq(first, "up")
    return "lost", ("%s (LPI %d) counted 0 interrupts on every CPU %s after 1 s of traffic (stage 1's "
                    "%s counted %s)%s: its LPIs are not delivered"
                    % (name, e["lpi"], e["counts"], fname, fe["counts"] if fe else "?", ping))


def live_tables(stages):
    """Which tables each redistributor really uses in each stage.

    A CPU with a pending-table line uses the tables this kernel printed
    (allocated or adopted). A CPU that "Failed to disable LPIs" keeps
    whatever it used under the previous kernel: its EnableLPIs stayed 1, and
    Linux returns from its_cpu_init() before writing PROPBASER/PENDBASER."""
    prev = None
    for s in stages:
        for c, (_, pa) in s.pending.items():
            s.live_pend[c] = pa
            if s.prop is not None:
                s.live_prop[c] = s.prop
        for c in s.failed_disable:
            if prev is not None and c in prev.live_pend:
                s.live_pend[c] = prev.live_pend[c]
            if prev is not None and c in prev.live_prop:
                s.live_prop[c] = prev.live_prop[c]
        prev = s


def classify_run(cfg, pre, stages, qemu_rc, timed_out):
    """Return (outcome, reasons, handovers). See docs/qemu-harness.md."""
    reasons = []
    live_tables(stages)
    n = len(cfg["chain"])
    handovers = []
    # What each hand-over did with the previous kernel's live tables.
    for i in range(min(len(stages), n) - 1):
        a = stages[i]
        b = stages[i + 1] if i + 1 < len(stages) else None
        h = {"from_stage": a.index, "to_stage": a.index + 1,
             "segments": [{"index": s["index"], "role": s["role"], "start": hx(s["start"]),
                           "end": hx(s["end"])} for s in a.segment_list()],
             "previous_tables": [{"table": t, "start": hx(s), "end": hx(e)} for t, s, e in a.tables()],
             "tables_reserved_in_iomem": [], "overlaps": []}
        for t, s, e in a.tables():
            if any(r0 <= s and e <= r1 for r0, r1 in a.iomem_reserved):
                h["tables_reserved_in_iomem"].append(t)
            for seg in a.segment_list():
                if overlaps(s, e, seg["start"], seg["end"]):
                    h["overlaps"].append("%s [%s-%s) lies in the next kernel's %s segment [%s-%s)"
                                         % (t, hx(s), hx(e), seg["role"], hx(seg["start"]), hx(seg["end"])))
        handovers.append(h)

    # Harness failures first: they say nothing about the kernels.
    if not stages:
        return "harness-error", ["no kernel output at all (qemu exit %s)" % qemu_rc], handovers
    if not stages[0].reached_init:
        return "harness-error", ["stage 1 never reached init"], handovers
    for s in stages[:n - 1]:
        if s.reached_init and s.kexec_rc not in (None, 0):
            return "harness-error", ["stage %d: kexec could not load the next kernel (rc=%d)"
                                     % (s.index, s.kexec_rc)], handovers

    corruption, lost, failstop, recoverable, unexplained, harness = [], [], [], [], [], []

    for k, s in enumerate(stages):
        tag = "stage %d (%s)" % (s.index, s.release or "?")
        prev_h = handovers[k - 1] if k >= 1 and k - 1 < len(handovers) else None
        deliberate_crash = (cfg["kexec"] == "crash" and k < n - 1 and s.sysrq)

        # A kernel that adopted a property table lying inside one of its own
        # kexec segments reset that table in place (memset of 64 KiB): a
        # write by the kernel into its own image/initrd/DTB. no-stray-write.
        adopted_inside = False
        if s.preallocated and prev_h is not None and s.prop is not None:
            for seg in stages[k - 1].segment_list():
                if overlaps(s.prop, s.prop + SZ_64K, seg["start"], seg["end"]):
                    adopted_inside = True
                    corruption.append(
                        "%s adopted the previous kernel's property table @%s (\"Using preallocated "
                        "redistributor tables\") although it lies inside its own %s segment "
                        "[%s-%s): the in-place reset overwrote that memory"
                        % (tag, hx(s.prop), seg["role"], hx(seg["start"]), hx(seg["end"])))
                    if s.overwritten:
                        corruption.append("%s: /init found %s" % (tag, s.overwritten))

        # A crash (other than the sysrq panic that starts a kdump) or a hang
        # (the run was stopped while this, the last stage, was silent).
        crashed = bool(s.oops) or (bool(s.panic) and not deliberate_crash)
        hung = (k == len(stages) - 1) and timed_out and not s.complete and not crashed \
            and not s.starting_new
        if crashed or hung:
            what = ("Oops/panic: " + "; ".join((s.oops + s.panic)[:2])) if crashed else \
                   "no output after: %s" % (s.lines[-1].strip() if s.lines else "?")
            if s.code_propbyte:
                what += "; %s: it executed bytes of the property-table reset value" % s.code_propbyte
            if prev_h is not None and (prev_h["overlaps"] or adopted_inside or s.code_propbyte):
                corruption.append("%s died (%s) after a hand-over in which %s"
                                  % (tag, what, "; ".join(prev_h["overlaps"]) or
                                     "it adopted a table inside its own memory"))
            elif crashed and any(re.search(r"GIC|ITS|LPI", p) for p in s.panic):
                # A deliberate stop by the GIC code (none exists in 6.1/6.12).
                failstop.append("%s stopped: %s" % (tag, "; ".join(s.panic)))
            elif prev_h is None:
                unexplained.append("%s %s before any hand-over (%s)"
                                   % (tag, "crashed" if crashed else "hung", what))
            else:
                unexplained.append("%s died (%s) with no evidence tying it to the LPI tables"
                                   % (tag, what))

        if s.reached_init:
            # lpis-delivered: every online CPU must have ended with tables.
            online = s.online if s.online is not None else sorted(s.redists)
            missing = [c for c in online if c not in s.pending]
            if s.failed_disable:
                lost.append("%s: \"Failed to disable LPIs\" on CPU %s: the GIC keeps the old "
                            "tables, this CPU gets no LPIs" % (tag, sorted(s.failed_disable)))
                # The tables those redistributors keep using: if they lie in
                # this kernel's System RAM and in none of its reserved ranges,
                # the kernel's page allocator owns them while the GIC may
                # write pending bits there: no-stray-write ("no live GIC
                # table is ever handed to an allocator", domain.md section 5).
                handed = []
                for c in sorted(s.failed_disable):
                    for name, pa in (("property table", s.live_prop.get(c)),
                                     ("pending table", s.live_pend.get(c))):
                        if pa is None:
                            continue
                        in_ram = any(r0 <= pa and pa + SZ_64K <= r1 for r0, r1 in s.iomem_ram)
                        reserved = any(r0 <= pa and pa + SZ_64K <= r1 for r0, r1 in s.iomem_reserved)
                        if in_ram and not reserved:
                            item = "%s @%s" % (name, hx(pa))
                            if item not in handed:
                                handed.append(item + " (CPU%d)" % c if name == "pending table" else item)
                if handed:
                    corruption.append(
                        "%s: CPU %s kept the previous kernel's live tables (%s), which lie in this "
                        "kernel's System RAM outside every reserved range of its /proc/iomem: live "
                        "GIC tables handed to the page allocator" % (tag, sorted(s.failed_disable), ", ".join(handed)))
            if missing and (s.pending or s.prop is not None):
                lost.append("%s: no LPI pending table for online CPU(s) %s" % (tag, missing))
            if s.its_quiesce_failed:
                lost.append("%s: ITS failed to quiesce: the ITS was not reprogrammed" % tag)
            if s.expected_reserved:
                recoverable.append("%s: \"Expected reserved range [%s], not found\" (taint)"
                                   % (tag, ", ".join("%s:%s" % (hx(a), hx(b)) for a, b in s.expected_reserved)))
            if s.lpis_were_enabled:
                if set(s.lpis_were_enabled) - set(s.failed_disable):
                    recoverable.append("%s: \"Booted with LPIs enabled, memory probably corrupted\" on "
                                       "CPU %s, then cleared EnableLPIs and programmed its own tables "
                                       "(taint)" % (tag, sorted(set(s.lpis_were_enabled) - set(s.failed_disable))))
            if s.timeout_disable:
                recoverable.append("%s: \"Timeout while disabling LPIs\"" % tag)
            if cfg.get("devices") == "active":
                dev = device_evidence(s, stages[0])
                if dev[0] == "lost":
                    lost.append("%s: %s" % (tag, dev[1]))
                elif dev[0] == "harness":
                    harness.append("%s: %s" % (tag, dev[1]))
                elif dev[0] == "unexplained":
                    unexplained.append("%s: %s" % (tag, dev[1]))
            for w in s.warnings:
                recoverable.append("%s: WARNING at %s" % (tag, w))

    # A stage that was expected but never started after a hand-over.
    if len(stages) < n and stages[-1].reached_init and (stages[-1].starting_new or stages[-1].sysrq):
        unexplained.append("stage %d never printed anything after the hand-over" % (len(stages) + 1))
    elif len(stages) < n and not corruption and not unexplained:
        unexplained.append("chain stopped after stage %d of %d" % (len(stages), n))

    if harness and not corruption:
        return "harness-error", harness, handovers
    if corruption:
        return "corruption", corruption + lost + recoverable + unexplained, handovers
    if unexplained:
        return "unexplained", unexplained + lost + recoverable, handovers
    if lost:
        return "lost-lpis", lost + recoverable, handovers
    if failstop:
        return "fail-stop", failstop, handovers
    if not stages[-1].complete:
        return "unexplained", ["the last stage did not report completion"], handovers
    if recoverable:
        return "recoverable", recoverable, handovers
    return "safe", ["every stage reached init with its LPI tables and no GIC warning"], handovers


HARDWARE = {
    "clearable": "clearable: Debian's QEMU, whose GICv3 lets GICR_CTLR.EnableLPIs be cleared "
                 "(domain.md section 6)",
    "sticky": "sticky: QEMU with patches/gicv3-sticky-enablelpis.patch and "
              "-global arm-gicv3.sticky-enable-lpis=on: EnableLPIs stays 1 once set, "
              "PROPBASER/PENDBASER writes are then ignored",
}
DEVICES = {
    "quiescent": "devices quiescent (no PCI/MSI devices: -nic none)",
    "active": "devices active (virtio-net PCI, MSI-X through the ITS, host UDP traffic every 5 ms)",
}


def ignored_writes(path):
    """Count what the sticky GIC ignored, from QEMU's -d guest_errors log."""
    if not path:
        return None
    out = {"clear_enable_lpis": 0, "base_registers": 0, "by_cpu": {}, "its": []}
    try:
        with open(path, errors="replace") as f:
            for line in f:
                if re.search(r"its_|_its|ITS|\b[CDI]TE\b", line) and "sticky-enable-lpis" not in line:
                    if len(out["its"]) < 20 and line.strip() not in out["its"]:
                        out["its"].append(line.strip())
                m = re.search(r"sticky-enable-lpis: CPU (\d+): (write clearing|write to GICR)", line)
                if not m:
                    continue
                key = "clear_enable_lpis" if m.group(2) == "write clearing" else "base_registers"
                out[key] += 1
                c = out["by_cpu"].setdefault(m.group(1), {"clear_enable_lpis": 0, "base_registers": 0})
                c[key] += 1
    except OSError:
        return None
    return out


def write_captures(stages, root):
    """Decode the files /init captured into root/stageN/<path>; return what was written."""
    done = {}
    for s in stages:
        sdir = os.path.join(root, "stage%d" % s.index)
        got = {}
        for path, f in s.files.items():
            if not f["complete"]:
                got[path] = "incomplete (the capture was cut off)"
                continue
            try:
                data = gzip.decompress(base64.b64decode("".join(f["b64"])))
            except (ValueError, OSError, EOFError) as e:
                got[path] = "undecodable: %s" % e
                continue
            if len(data) != f["size"] or hashlib.md5(data).hexdigest() != f["md5"]:
                got[path] = "size/md5 mismatch (%d bytes, expected %d)" % (len(data), f["size"])
                continue
            dst = os.path.join(sdir, path)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            with open(dst, "wb") as out:
                out.write(data)
            got[path] = len(data)
        if s.efi_dir:
            os.makedirs(os.path.join(sdir, "sys/firmware/efi"), exist_ok=True)
            got["sys/firmware/efi/"] = "present"
        elif s.efi_dir is False:
            got["sys/firmware/efi/"] = "absent"
        if got:
            done[s.index] = got
    return done


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("log")
    ap.add_argument("--json", required=True, help="where to write the JSON result")
    ap.add_argument("--firmware", required=True, choices=["efi", "dt"])
    ap.add_argument("--chain", required=True, help="comma-separated kernel series")
    ap.add_argument("--kexec", required=True, choices=["normal", "crash"])
    ap.add_argument("--qemu-rc", type=int, default=None)
    ap.add_argument("--timed-out", action="store_true")
    ap.add_argument("--wall", type=float, default=None, help="wall-clock seconds of the run")
    ap.add_argument("--name", default=None)
    ap.add_argument("--hardware", default="clearable", choices=["clearable", "sticky"])
    ap.add_argument("--devices", default="quiescent", choices=["quiescent", "active"])
    ap.add_argument("--captures", default=None,
                    help="write each stage's captured files under DIR/stageN/ (a root-like tree)")
    ap.add_argument("--qemu-log", default=None, help="QEMU's -d guest_errors log (sticky runs)")
    args = ap.parse_args()

    with open(args.log, encoding="utf-8", errors="replace") as f:
        text = f.read()
    cfg = {"firmware": args.firmware, "chain": args.chain.split(","), "kexec": args.kexec,
           "hardware": args.hardware, "devices": args.devices}
    pre, stages = parse(text)
    outcome, reasons, handovers = classify_run(cfg, pre, stages, args.qemu_rc, args.timed_out)

    n = len(cfg["chain"])
    ansi = re.compile(r"\x1b\[[0-9;=?]*[A-Za-z]")
    firmware_lines = [ansi.sub("", l) for l in pre if re.search(r"EFI stub|UEFI firmware", l)][:4]
    captured = write_captures(stages, args.captures) if args.captures else {}
    result = {
        "name": args.name,
        "config": cfg,
        "hardware": HARDWARE[args.hardware] + "; " + DEVICES[args.devices],
        "qemu_ignored_writes": ignored_writes(args.qemu_log),
        "outcome": outcome,
        "reasons": reasons,
        "qemu_exit": args.qemu_rc,
        "timed_out": args.timed_out,
        "wall_seconds": args.wall,
        "log": args.log,
        "firmware_lines": firmware_lines,
        "stages": [],
        "handovers": handovers,
    }
    for s in stages:
        kind = "kdump" if s.kdump else ("first" if s.index == 1 else "kexec")
        if s.complete:
            end = "completed (poweroff)"
        elif s.starting_new or s.handover:
            end = "handed over (%s)" % (s.handover or "kexec")
        elif s.oops or (s.panic and not s.sysrq):
            end = "crashed"
        else:
            end = "stopped (no further output)"
        result["stages"].append({
            "stage": s.index,
            "series": cfg["chain"][s.index - 1] if s.index <= n else None,
            "release": s.release, "boot": kind, "efi": s.efi,
            "reached_init": s.reached_init, "end": end,
            "lpis_adopted": s.preallocated,
            "expected_reserved_warning": bool(s.expected_reserved),
            "booted_with_lpis_enabled_cpus": sorted(s.lpis_were_enabled),
            "failed_to_disable_cpus": sorted(s.failed_disable),
            "property_table": hx(s.prop) if s.prop is not None else None,
            "pending_tables": {str(c): {"how": h, "pa": hx(p)} for c, (h, p) in sorted(s.pending.items())},
            "cpus_online": s.online,
            "efi_memreserve_table": s.memreserve,
            "overwritten_by_reset": s.overwritten,
            "oops_code_is_property_reset": s.code_propbyte,
            "warnings": s.warnings, "oops": s.oops, "panic": s.panic,
            "iomem_reserved_in_ram": ["%s-%s" % (hx(a), hx(b)) for a, b in s.iomem_reserved],
            "interrupts": s.irqs,
            "ping": {"transmitted": s.ping[0], "received": s.ping[1]} if s.ping else None,
            "captured": captured.get(s.index, {}),
            "key_lines": s.key,
        })
    with open(args.json, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")

    # Human summary.
    print("run: %s  firmware=%s chain=%s kexec=%s  hardware=%s devices=%s"
          % (args.name or "-", cfg["firmware"], ",".join(cfg["chain"]), cfg["kexec"],
             cfg["hardware"], cfg["devices"]))
    for st in result["stages"]:
        flags = []
        if st["lpis_adopted"]:
            flags.append("LPIs adopted (preallocated tables)")
        if st["expected_reserved_warning"]:
            flags.append("reserved-range warning")
        if st["booted_with_lpis_enabled_cpus"]:
            flags.append("\"memory probably corrupted\" on CPU%s" % st["booted_with_lpis_enabled_cpus"])
        if st["failed_to_disable_cpus"]:
            flags.append("FAILED to disable LPIs on CPU%s" % st["failed_to_disable_cpus"])
        if st["oops"]:
            flags.append("Oops")
        if st["panic"]:
            flags.append("panic: " + st["panic"][0])
        print("  stage %d: %-6s %-24s efi=%-5s %s init=%s end=%s"
              % (st["stage"], st["series"] or "?", st["release"] or "?", st["efi"], st["boot"],
                 "yes" if st["reached_init"] else "NO", st["end"]))
        print("           tables: prop=%s pending=%s%s"
              % (st["property_table"], {c: v["how"][:5] + "@" + v["pa"] for c, v in st["pending_tables"].items()},
                 ("; " + "; ".join(flags)) if flags else ""))
        for phase, entries in sorted(st["interrupts"].items()):
            print("           LPIs %-4s %s" % (phase + ":", "; ".join(
                "%s LPI %d %s" % (n, e["lpi"], "/".join("CPU%d=%d" % (i, c) for i, c in enumerate(e["counts"])))
                for n, e in sorted(entries.items())) or "none"))
        if st["ping"]:
            print("           ping: %d/%d replies" % (st["ping"]["received"], st["ping"]["transmitted"]))
    iw = result["qemu_ignored_writes"]
    if iw is not None:
        if cfg["hardware"] == "sticky":
            print("  QEMU (sticky GIC) ignored: %d writes clearing EnableLPIs, %d writes to PROPBASER/PENDBASER"
                  % (iw["clear_enable_lpis"], iw["base_registers"]))
        for l in iw["its"][:5]:
            print("  QEMU ITS: " + l)
    for h in handovers:
        print("  hand-over %d->%d: segments %s" % (h["from_stage"], h["to_stage"],
              ", ".join("%s[%s-%s)" % (s["role"], s["start"], s["end"]) for s in h["segments"]) or "none"))
        print("           previous tables reserved in /proc/iomem: %s"
              % (", ".join(h["tables_reserved_in_iomem"]) or "none"))
        for o in h["overlaps"]:
            print("           OVERLAP: " + o)
    print("  outcome: %s" % outcome)
    for r in reasons:
        print("    - " + r)
    return 0


if __name__ == "__main__":
    sys.exit(main())
