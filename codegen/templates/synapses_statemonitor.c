/* StateMonitor of synapses: one row of recorded values, variable-major. */
void spikestudio_kernel(void* const* _arrays, const double* _constants,
                        SpikeStudioKernelContext* _context)
{
%SYNAPSE_LOCALS%
    const int32_t* _record = (const int32_t*)_arrays[0];
    double* _row = *(double* const*)_arrays[1];
    int64_t _k;
%ARRAYS%
%SCALAR%
    for (_k = _context->first; _k < _context->last; ++_k) {
        _idx = _record[_k];
        _pre = _synaptic_pre[_idx];
        _post = _synaptic_post[_idx];
%LOADS%
%VECTOR%
    }
}
