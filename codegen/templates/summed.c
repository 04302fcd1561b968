/* Summed variable: zeroes the written variable of every neuron it writes
 * (a subgroup's from its first), then adds each synapse's value to its neuron. */
void spikestudio_kernel(void* const* _arrays, const double* _constants,
                        SpikeStudioKernelContext* _context)
{
%SYNAPSE_LOCALS%
    double* _sum = (double*)_arrays[0];
    int64_t _neuron;
%ARRAYS%
%SCALAR%
    for (_neuron = %FIRST_NEURON%; _neuron < _context->targetSize; ++_neuron)
        _sum[_neuron] = 0.0;
    for (_idx = 0; _idx < _N; ++_idx) {
        _pre = _synaptic_pre[_idx];
        _post = _synaptic_post[_idx];
%LOADS%
%VECTOR%
        _sum[%INTO%] += %VALUE%;
    }
}
