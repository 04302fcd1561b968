/* Synaptic pathway: queues this step's spikes of the triggering group, then
 * runs the pathway's code for every synapse due now, one after another (so
 * several synapses onto one neuron accumulate), and moves the queue on. */
void spikestudio_kernel(void* const* _arrays, const double* _constants,
                        SpikeStudioKernelContext* _context)
{
%SYNAPSE_LOCALS%
    const int32_t* _due;
    int64_t _count;
    int64_t _k;
%ARRAYS%
    spikestudio_queue_push(_context->queue, _context->events,
                           _context->events[_context->sourceSize]);
    _count = spikestudio_queue_peek(_context->queue, &_due);
    if (_count > 0) {
%SCALAR%
        for (_k = 0; _k < _count; ++_k) {
            _idx = _due[_k];
            _pre = _synaptic_pre[_idx];
            _post = _synaptic_post[_idx];
%LOADS%
%VECTOR%
%STORES%
        }
    }
    spikestudio_queue_advance(_context->queue);
}
