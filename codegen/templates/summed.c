/* Summed variable over the written neurons from first to last (counted from
 * the first neuron it writes, a subgroup's first): zeroes them, then adds
 * each of the call's synapses' values to its neuron, in synapse order. The
 * call's synapses are all of them (eventCount -1: the loop runs over the
 * synapses themselves, so that the compiler sees plain strides) or those
 * onto its neurons, listed ascending in events. Every neuron's sum is the
 * same additions in synapse order however the neurons are shared out. */
void spikestudio_kernel(void* const* _arrays, const double* _constants,
                        SpikeStudioKernelContext* _context)
{
%SYNAPSE_LOCALS%
    double* _sum = (double*)_arrays[0];
    const int32_t* _events = _context->events;
    const int64_t _count = _context->eventCount;
    int64_t _neuron;
    int64_t _k;
%ARRAYS%
%SCALAR%
    for (_neuron = %FIRST_NEURON% + _context->first; _neuron < %FIRST_NEURON% + _context->last; ++_neuron)
        _sum[_neuron] = 0.0;
    if (_count < 0) {
        for (_idx = 0; _idx < _N; ++_idx) {
            _pre = _synaptic_pre[_idx];
            _post = _synaptic_post[_idx];
%LOADS%
%VECTOR%
            _sum[%INTO%] += %VALUE%;
        }
    } else {
        for (_k = 0; _k < _count; ++_k) {
            _idx = _events[_k];
            _pre = _synaptic_pre[_idx];
            _post = _synaptic_post[_idx];
%LOADS%
%VECTOR%
            _sum[%INTO%] += %VALUE%;
        }
    }
}
