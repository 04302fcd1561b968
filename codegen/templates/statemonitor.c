/* StateMonitor: one row of recorded values, variable-major. The runtime
 * passes the recorded indices, their count as the context's size, and where
 * it keeps a pointer to this step's row (already allocated). */
void spikestudio_kernel(void* const* _arrays, const double* _constants,
                        SpikeStudioKernelContext* _context)
{
    const double _t = _context->t;
    const double _dt = _context->dt;
    const int64_t _N = _context->size;
    const int32_t* _record = (const int32_t*)_arrays[0];
    double* _row = *(double* const*)_arrays[1];
    int64_t _k;
    int64_t _idx;
%ARRAYS%
%SCALAR%
    for (_k = _context->first; _k < _context->last; ++_k) {
        _idx = _record[_k];
%LOADS%
%VECTOR%
    }
}
