/* Synapses state update (clock-driven equations): every synapse, every step. */
void spikestudio_kernel(void* const* _arrays, const double* _constants,
                        SpikeStudioKernelContext* _context)
{
    const double _t = _context->t;
    const double _dt = _context->dt;
    const int64_t _N = _context->size;
    const int32_t* _synaptic_pre = _context->pre;
    const int32_t* _synaptic_post = _context->post;
    int64_t _idx;
    int64_t _pre;
    int64_t _post;
%ARRAYS%
%SCALAR%
    for (_idx = 0; _idx < _N; ++_idx) {
        _pre = _synaptic_pre[_idx];
        _post = _synaptic_post[_idx];
%LOADS%
%VECTOR%
%STORES%
    }
}
