/* Synapses state update (clock-driven equations): every synapse, every step. */
void spikestudio_kernel(void* const* _arrays, const double* _constants,
                        SpikeStudioKernelContext* _context)
{
%SYNAPSE_LOCALS%
%ARRAYS%
%SCALAR%
    for (_idx = _context->first; _idx < _context->last; ++_idx) {
        _pre = _synaptic_pre[_idx];
        _post = _synaptic_post[_idx];
        %DRAWS%
%LOADS%
%VECTOR%
%STORES%
    }
}
