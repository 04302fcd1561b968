/* StateMonitor of synapses: one row of recorded values, variable-major. */
void spikestudio_kernel(void* const* _arrays, const double* _constants,
                        SpikeStudioKernelContext* _context)
{
    const double _t = _context->t;
    const double _dt = _context->dt;
    const int64_t _N = _context->size;
    const int32_t* _record = (const int32_t*)_arrays[0];
    double* _row = (double*)_arrays[1];
    const int32_t* _synaptic_pre = _context->pre;
    const int32_t* _synaptic_post = _context->post;
    int64_t _k;
    int64_t _idx;
    int64_t _pre;
    int64_t _post;
%ARRAYS%
%SCALAR%
    for (_k = 0; _k < _N; ++_k) {
        _idx = _record[_k];
        _pre = _synaptic_pre[_idx];
        _post = _synaptic_post[_idx];
%LOADS%
%VECTOR%
    }
}
