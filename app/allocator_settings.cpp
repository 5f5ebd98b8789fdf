// SPDX-License-Identifier: Apache-2.0
//
// jemalloc's settings for the jrr program (linked only where jrr allocates with jemalloc: not in
// sanitizer builds). jemalloc reads this string once, before the first allocation; MALLOC_CONF in
// the environment still overrides each setting, for measuring.
//
// Why these: on the virtual machines jrr is measured on, each first touch of a 4 KiB page is a
// costly fault through the hypervisor, and far fewer faults are taken in 2 MiB pages. So
//   - thp:always, metadata_thp:always: jemalloc asks the kernel for 2 MiB pages for what it maps
//     (the system's transparent_hugepage setting is "madvise", so nothing happens without asking);
//   - dirty_decay_ms:-1, muzzy_decay_ms:-1: freed memory is kept for reuse instead of handed back
//     to the kernel, which would split those pages and fault them in again on the next use.
// Both together made the large sample town and the search endpoint faster; huge pages alone, still
// returning freed memory, made them slower (measurements: docs/performance.md, "Sample
// municipality"). The cost: the process keeps the memory of its busiest moment until it exits.

extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's (its documented malloc_conf symbol).
const char* malloc_conf = "thp:always,metadata_thp:always,dirty_decay_ms:-1,muzzy_decay_ms:-1";
}
