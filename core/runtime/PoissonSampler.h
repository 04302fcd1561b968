#pragma once

/// Draws from a Poisson distribution as numpy's legacy RandomState does:
/// multiplication method below lambda = 10, PTRS (Hoermann) above.
/// C linkage: kernels call it with their RandomGenerator*.
extern "C" double spikestudio_poisson(void* generator, double lambda);
