/* Reset: runs for each element of the eventspace, in ascending order. */
void spikestudio_kernel(void* const* _arrays, const double* _constants,
                        SpikeStudioKernelContext* _context)
{
    const double _t = _context->t;
    const double _dt = _context->dt;
    const int64_t _N = _context->size;
    const int32_t* _events = _context->events;
    const int64_t _count = _events[_N];
    int64_t _k;
    int64_t _idx;
%ARRAYS%
%SCALAR%
    for (_k = 0; _k < _count; ++_k) {
        _idx = _events[_k];
%LOADS%
%VECTOR%
%STORES%
    }
}
