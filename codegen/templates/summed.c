/* Summed variable over the written neurons from first to last (counted from
 * the first neuron it writes, a subgroup's first): zeroes them, then adds
 * each synapse's value to its neuron when that lies among them. Every
 * neuron's sum is the same additions in synapse order however the neurons
 * are shared out between calls. */
void spikestudio_kernel(void* const* _arrays, const double* _constants,
                        SpikeStudioKernelContext* _context)
{
%SYNAPSE_LOCALS%
    double* _sum = (double*)_arrays[0];
    const int64_t _first = %FIRST_NEURON% + _context->first;
    const int64_t _end = %FIRST_NEURON% + _context->last;
    int64_t _neuron;
%ARRAYS%
%SCALAR%
    for (_neuron = _first; _neuron < _end; ++_neuron)
        _sum[_neuron] = 0.0;
    for (_idx = 0; _idx < _N; ++_idx) {
        _pre = _synaptic_pre[_idx];
        _post = _synaptic_post[_idx];
        if (%INTO% >= _first && %INTO% < _end) {
%LOADS%
%VECTOR%
            _sum[%INTO%] += %VALUE%;
        }
    }
}
