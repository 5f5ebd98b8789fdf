// SPDX-License-Identifier: Apache-2.0
//
// jemalloc's settings for the jrr program (linked only where jrr allocates with jemalloc: not in
// sanitizer builds). jemalloc reads this string once, before the first allocation; MALLOC_CONF in
// the environment still overrides each setting, for measuring.
//
// Why these: on the virtual machines jrr is measured on, each first touch of a 4 KiB page is a
// fault through the hypervisor (about 13 µs here: 4 GB touched page by page took 13 s, in 2 MiB
// pages 0.3 s once the host had backed the memory). So
//   - thp:always, metadata_thp:always: jemalloc asks the kernel for 2 MiB pages for what it maps
//     (the system's transparent_hugepage setting is "madvise", so nothing happens without asking);
//   - dirty_decay_ms:-1, muzzy_decay_ms:-1: freed memory is kept for reuse instead of handed back
//     to the kernel, which would split those pages and fault them in again on the next use.
// Measured (docs/performance.md, "Sample municipality", session 10): the 1,000,000-resident town
// 130–145 s with jemalloc's defaults, 82–118 s with these; huge pages alone, still returning freed
// memory, made it worse (211 s). The search endpoint: 604–643 → 681–696 req/s. The cost: the
// process keeps the memory of its busiest moment until it exits.

extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's (its documented malloc_conf symbol).
const char* malloc_conf = "thp:always,metadata_thp:always,dirty_decay_ms:-1,muzzy_decay_ms:-1";
}
