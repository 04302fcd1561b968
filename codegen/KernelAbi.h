#pragma once

/* The calling convention between the runtime and compiled kernels. Plain C:
 * the code generator declares the same struct in every kernel's prelude
 * (codegen/templates/prelude.c); tests/tst_kernel_abi.cpp compiles a probe
 * with that prelude by libtcc and by the system compiler and checks every
 * field's offset and size against this declaration. */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct SpikeStudioKernelContext {
    double t;            /* time at the start of this step, timestep*dt */
    double dt;           /* the owning clock's dt */
    int64_t timestep;    /* the owning clock's step counter */
    int64_t size;        /* N: elements in the group */
    void* rng;           /* RandomGenerator*, for rand() and randn() */
    int32_t* events;     /* eventspace: N+1 ints, indices then the count in [N];
                            summed variable: this call's synapses */
    const int32_t* pre;  /* synapses: presynaptic neuron of each synapse */
    const int32_t* post; /* synapses: postsynaptic neuron of each synapse */
    void* queue;         /* pathway: its SpikeQueue */
    int64_t sourceSize;  /* pathway: N of the group whose events it reads */
    int64_t targetSize;  /* synapses: N of the target group (summed variable: of the written one) */
    int64_t first;       /* the part of the loop this call runs: elements (or a */
    int64_t last;        /* reset's eventspace entries) from first to last - 1 */
    int64_t eventCount;  /* threshold: crossings it wrote from events[first] on;
                            summed variable: how many synapses events holds
                            (-1: all synapses, events unused) */
    const double* draws; /* the step's random numbers, drawn ahead in stream order
                            (KernelSource::draws): site k of element p at
                            draws[k * drawCount + p] */
    int64_t targetsAscend; /* pathway run by its sources' spikes: nonzero when the
                              synapses are stored source by source and each source's
                              targets strictly ascend (no pair twice) */
    int64_t drawCount;     /* n: the elements (events, due synapses) draws holds numbers for */
} SpikeStudioKernelContext;

/* arrays[k] points at the k-th array the kernel declared (the runtime's own
 * storage, no copies); constants[k] at the k-th model constant it reads. */
typedef void (*SpikeStudioKernel)(void* const* arrays, const double* constants,
                                  SpikeStudioKernelContext* context);

#ifdef __cplusplus
}
#endif
