/* Synaptic pathway: runs the pathway's code for every synapse due now, one
 * after another (so several synapses onto one neuron accumulate). The runtime
 * queues this step's spikes before and moves the queue on after; the queue
 * hands the due synapses over in blocks, each a list of ids or a run of
 * consecutive ids from _first on. A call runs only the synapses whose owner
 * (the neuron written, or the synapse) lies from first to last - 1, so that
 * calls on other threads never write what this one writes. */
void spikestudio_kernel(void* const* _arrays, const double* _constants,
                        SpikeStudioKernelContext* _context)
{
%SYNAPSE_LOCALS%
    const int32_t* _due;
    const int64_t _lo = _context->first;
    const int64_t _hi = _context->last;
    int64_t _first;
    int64_t _block = 0;
    int64_t _count;
    int64_t _k;
%ARRAYS%
    _count = spikestudio_queue_block(_context->queue, _block, &_first, &_due);
    if (_count >= 0) {
%SCALAR%
        for (; _count >= 0;
             _count = spikestudio_queue_block(_context->queue, ++_block, &_first, &_due)) {
            if (!_due && %OWNED_BY_SYNAPSE%) {
                /* Consecutive synapses, each its own owner: this call's part
                 * of them without a test, so that the loop vectorises. */
                const int64_t _from = _first > _lo ? _first : _lo;
                const int64_t _to = _first + _count < _hi ? _first + _count : _hi;
                for (_idx = _from; _idx < _to; ++_idx) {
                    _pre = _synaptic_pre[_idx];
                    _post = _synaptic_post[_idx];
%LOADS%
%VECTOR%
%STORES%
                }
            } else {
                for (_k = 0; _k < _count; ++_k) {
                    _idx = _due ? _due[_k] : _first + _k;
                    _pre = _synaptic_pre[_idx];
                    _post = _synaptic_post[_idx];
                    if (%OWNER% >= _lo && %OWNER% < _hi) {
%LOADS%
%VECTOR%
%STORES%
                    }
                }
            }
        }
    }
}
