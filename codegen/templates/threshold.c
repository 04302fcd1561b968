/* Threshold: collects spiking elements into the eventspace, then marks them
 * refractory. A call checks the elements from first to last and writes its
 * crossings from events[first] on (the runtime joins the parts and writes the
 * count into events[N]). The elements are checked in blocks: a first loop
 * without stores to the eventspace notes each crossing (the compiler can
 * vectorise it); only a block with a crossing is then collected, without
 * branches. Most blocks of most steps have none.
 * The same template runs a group's state update and threshold as one kernel
 * (NetworkBuilder::fuseThreshold): the update's statements come before the
 * condition, its stores after them, and the new values are checked while
 * still in registers. A threshold alone stores nothing. */
void spikestudio_kernel(void* const* _arrays, const double* _constants,
                        SpikeStudioKernelContext* _context)
{
    const double _t = _context->t;
    const double _dt = _context->dt;
    const int64_t _N = _context->size;
    int32_t* _events = _context->events + _context->first;
    int64_t _count = 0;
    int64_t _block;
    int64_t _idx;
    int64_t _k;
%ARRAYS%
%SCALAR%
    for (_block = _context->first; _block < _context->last; _block += 64) {
        const int64_t _end = _context->last - _block < 64 ? _context->last : _block + 64;
        int32_t _crossed[64];
        int32_t _any = 0;
        for (_idx = _block; _idx < _end; ++_idx) {
            %DRAWS%
%LOADS%
%VECTOR%
%STORES%
            const int32_t _crossing = (%CONDITION% != 0.0);
            _crossed[_idx - _block] = _crossing;
            _any |= _crossing;
        }
        if (_any)
            for (_idx = _block; _idx < _end; ++_idx) {
                _events[_count] = (int32_t)_idx;
                _count += _crossed[_idx - _block];
            }
    }
    _context->eventCount = _count;
    for (_k = 0; _k < _count; ++_k) {
        _idx = _events[_k];
%AFTER_SPIKE%
    }
}
