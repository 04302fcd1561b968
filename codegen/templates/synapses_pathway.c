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
    int64_t _end;
    int64_t _base = 0; /* due synapses in the blocks before this one */
%ARRAYS%
    _count = spikestudio_queue_block(_context->queue, _block, &_first, &_due);
    if (_count >= 0) {
%SCALAR%
        for (; _count >= 0;
             _base += _count,
             _count = spikestudio_queue_block(_context->queue, ++_block, &_first, &_due)) {
            if (!_due && %OWNED_BY_SYNAPSE%) {
                /* Consecutive synapses, each its own owner: this call's part
                 * of them without a test, so that the loop vectorises. */
                const int64_t _from = _first > _lo ? _first : _lo;
                const int64_t _to = _first + _count < _hi ? _first + _count : _hi;
                for (_idx = _from; _idx < _to; ++_idx) {
                    _pre = _synaptic_pre[_idx];
                    _post = _synaptic_post[_idx];
                    %DRAWS:_base + (_idx - _first)%
%LOADS%
%VECTOR%
%STORES%
                }
            } else if (!_due && %OWNED_BY_POST% && _context->targetsAscend &&
                       (_lo > 0 || _hi < _context->targetSize)) {
                /* Consecutive synapses, in source order, each source's
                 * targets ascending: this call's targets are one stretch of
                 * each source's synapses, found by bisection rather than by
                 * reading them all, so that threads share the reading too.
                 * A stretch onto consecutive neurons counts its targets. */
                const int64_t _stop = _first + _count;
                for (_k = _first; _k < _stop; _k = _end) {
                    const int32_t _source = _synaptic_pre[_k];
                    int64_t _from;
                    int64_t _to;
                    _end = spikestudio_first_at_least(_synaptic_pre, _k + 1, _stop,
                                                      (int64_t)_source + 1);
                    _from = spikestudio_first_at_least(_synaptic_post, _k, _end, _lo);
                    _to = spikestudio_first_at_least(_synaptic_post, _from, _end, _hi);
                    _pre = _source;
                    if (_to > _from && _synaptic_post[_to - 1] - _synaptic_post[_from] == _to - 1 - _from) {
                        const int64_t _target = _synaptic_post[_from] - _from;
                        for (_idx = _from; _idx < _to; ++_idx) {
                            _post = _target + _idx;
                            %DRAWS:_base + (_idx - _first)%
%LOADS%
%VECTOR%
%STORES%
                        }
                    } else {
                        for (_idx = _from; _idx < _to; ++_idx) {
                            _post = _synaptic_post[_idx];
                            %DRAWS:_base + (_idx - _first)%
%LOADS%
%VECTOR%
%STORES%
                        }
                    }
                }
            } else if (!_due && %OWNED_BY_POST%) {
                /* Consecutive synapses, taken 64 at a time: where their
                 * targets are consecutive neurons too (all-to-all and
                 * one-to-one connections), no two write one neuron, so the
                 * target is counted instead of read, the owner test becomes
                 * the loop's bounds and the compiler may vectorise. After
                 * each chunk that is not such a run the next one is twice as
                 * long (up to 4096), so that scattered targets cost no more
                 * than in one loop. */
                int64_t _run = 64;
                for (_k = 0; _k < _count; _k = _end) {
                    const int32_t* _targets = _synaptic_post + _first + _k;
                    const int64_t _target = _targets[0];
                    int32_t _gaps = 0;
                    int64_t _j;
                    _end = _count - _k > 64 ? _k + 64 : _count;
                    if (_targets[_end - 1 - _k] - _target == _end - 1 - _k)
                        for (_j = 1; _j < _end - _k; ++_j)
                            _gaps |= _targets[_j] - _targets[_j - 1] - 1;
                    else
                        _gaps = 1;
                    if (!_gaps) {
                        const int64_t _from = _target < _lo ? _k + (_lo - _target) : _k;
                        const int64_t _to = _target + (_end - _k) > _hi ? _k + (_hi - _target) : _end;
                        _run = 64;
                        for (_j = _from; _j < _to; ++_j) {
                            _idx = _first + _j;
                            _pre = _synaptic_pre[_idx];
                            _post = _target + (_j - _k);
                            %DRAWS:_base + _j%
%LOADS%
%VECTOR%
%STORES%
                        }
                    } else {
                        _end = _count - _k > _run ? _k + _run : _count;
                        _run = _run < 4096 ? 2 * _run : _run;
                        if (_lo == 0 && _hi >= _context->targetSize) {
                            /* A call that owns every target: no owner test. */
                            for (_j = _k; _j < _end; ++_j) {
                                _idx = _first + _j;
                                _pre = _synaptic_pre[_idx];
                                _post = _synaptic_post[_idx];
                                %DRAWS:_base + _j%
%LOADS%
%VECTOR%
%STORES%
                            }
                        } else {
                            for (_j = _k; _j < _end; ++_j) {
                                _idx = _first + _j;
                                _pre = _synaptic_pre[_idx];
                                _post = _synaptic_post[_idx];
                                if (_post >= _lo && _post < _hi) {
                                    %DRAWS:_base + _j%
%LOADS%
%VECTOR%
%STORES%
                                }
                            }
                        }
                    }
                }
            } else {
                for (_k = 0; _k < _count; ++_k) {
                    _idx = _due ? _due[_k] : _first + _k;
                    _pre = _synaptic_pre[_idx];
                    _post = _synaptic_post[_idx];
                    if (%OWNER% >= _lo && %OWNER% < _hi) {
                        %DRAWS:_base + _k%
%LOADS%
%VECTOR%
%STORES%
                    }
                }
            }
        }
    }
}
