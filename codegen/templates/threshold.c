/* Threshold: collects spiking elements into the eventspace without branches,
 * then marks them refractory. */
void spikestudio_kernel(void* const* _arrays, const double* _constants,
                        SpikeStudioKernelContext* _context)
{
    const double _t = _context->t;
    const double _dt = _context->dt;
    const int64_t _N = _context->size;
    int32_t* _events = _context->events;
    int64_t _count = 0;
    int64_t _idx;
    int64_t _k;
%ARRAYS%
%SCALAR%
    for (_idx = 0; _idx < _N; ++_idx) {
%LOADS%
%VECTOR%
        _events[_count] = (int32_t)_idx;
        _count += (%CONDITION% != 0.0);
    }
    _events[_N] = (int32_t)_count;
    for (_k = 0; _k < _count; ++_k) {
        _idx = _events[_k];
%AFTER_SPIKE%
    }
}
