/* Threshold: collects spiking elements into the eventspace without branches,
 * then marks them refractory. A call checks the elements from first to last
 * and writes its crossings from events[first] on (the runtime joins the parts
 * and writes the count into events[N]). */
void spikestudio_kernel(void* const* _arrays, const double* _constants,
                        SpikeStudioKernelContext* _context)
{
    const double _t = _context->t;
    const double _dt = _context->dt;
    const int64_t _N = _context->size;
    int32_t* _events = _context->events + _context->first;
    int64_t _count = 0;
    int64_t _idx;
    int64_t _k;
%ARRAYS%
%SCALAR%
    for (_idx = _context->first; _idx < _context->last; ++_idx) {
%LOADS%
%VECTOR%
        _events[_count] = (int32_t)_idx;
        _count += (%CONDITION% != 0.0);
    }
    _context->eventCount = _count;
    for (_k = 0; _k < _count; ++_k) {
        _idx = _events[_k];
%AFTER_SPIKE%
    }
}
