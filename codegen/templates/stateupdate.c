/* State update (and `constant over dt` values): every element, every step;
 * this call's part of them, from first to last. */
void spikestudio_kernel(void* const* _arrays, const double* _constants,
                        SpikeStudioKernelContext* _context)
{
    const double _t = _context->t;
    const double _dt = _context->dt;
    const int64_t _N = _context->size;
    int64_t _idx;
%ARRAYS%
%SCALAR%
    for (_idx = _context->first; _idx < _context->last; ++_idx) {
        %DRAWS%
%LOADS%
%VECTOR%
%STORES%
    }
}
