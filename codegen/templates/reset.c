/* Reset: runs for each element of the eventspace, in ascending order; this
 * call's part of its entries, from first to last. */
void spikestudio_kernel(void* const* _arrays, const double* _constants,
                        SpikeStudioKernelContext* _context)
{
    const double _t = _context->t;
    const double _dt = _context->dt;
    const int64_t _N = _context->size;
    const int32_t* _events = _context->events;
    int64_t _k;
    int64_t _idx;
%ARRAYS%
%SCALAR%
    for (_k = _context->first; _k < _context->last; ++_k) {
        _idx = _events[_k];
        %DRAWS%
%LOADS%
%VECTOR%
%STORES%
    }
}
