#pragma once

namespace spikestudio {

/// Keeps the C library's allocator from handing large temporary blocks back
/// to the kernel after every use. Building a network evaluates connect rules,
/// delays and initial values as vectors of up to millions of values, one set
/// per source neuron; by default glibc returns each freed block (with the top
/// of the heap) and faults fresh zeroed pages in for the next, which cost ten
/// times the arithmetic (a condition over 10^8 pairs: 5.5 s against 0.57 s).
/// Blocks under 32 MiB now come from the heap, and the heap is trimmed only
/// when 256 MiB are free at its top. Settings the user gives in
/// GLIBC_TUNABLES win. Call once, first thing in main().
void keepFreedMemoryForReuse();

} // namespace spikestudio
