module proposals/upstream

/*
 * The default world: Linux as merged (EFI memreserve, domain.md §3.1–§3.2,
 * §3.4–§3.5), every firmware kind, the kernels of kexec/profiles.  Tables
 * come from the page allocator.
 */

open kexec/core
open kexec/profiles
open kexec/properties

pred init { coldBoot }

pred step { kexecEvents[pageAllocator, neverFaults] }
