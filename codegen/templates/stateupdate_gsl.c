/* State update by a GSL solver (Brian2's gsl_* methods). The solver calls
 * spikestudio_rhs at the times and states it picks within the step; values
 * hoisted out of the loop are the step's own, computed once per call. */
void spikestudio_rhs(double _t, const double* _y, double* _f, void* _call_address)
{
    const SpikeStudioOdeCall* _call = (const SpikeStudioOdeCall*)_call_address;
    void* const* _arrays = _call->arrays;
    const double* _constants = _call->constants;
    const double* _hoisted = _call->hoisted;
    const double _dt = _call->dt;
    const int64_t _idx = _call->idx;
%ARRAYS%
%HOISTED%
%LOADS%
%VECTOR%
%STORES%
%DERIVATIVES%
}

/* Every element of this call's part, from first to last, over [t, t + dt]. */
void spikestudio_kernel(void* const* _arrays, const double* _constants,
                        SpikeStudioKernelContext* _context)
{
    const double _t = _context->t;
    const double _dt = _context->dt;
    const int64_t _N = _context->size;
    int64_t _idx;
    double _y[%DIMENSION%];
    double _counts[2];
    const double _errors[%DIMENSION%] = {%ERRORS%};
    double _hoisted[%HOISTED_SIZE%];
    SpikeStudioOdeCall _call;
    void* _solver;
%ARRAYS%
%SCALAR%
%KEEP_HOISTED%
    _call.arrays = _arrays;
    _call.constants = _constants;
    _call.hoisted = _hoisted;
    _call.dt = _dt;
    _call.idx = 0;
    _solver = spikestudio_ode_begin(%STEPPER%, %DIMENSION%, _errors, %MAX_STEPS%, %FLAGS%, _dt,
                                    spikestudio_rhs, &_call);
    for (_idx = _context->first; _idx < _context->last; ++_idx) {
        _call.idx = _idx;
%FILL%
        spikestudio_ode_step(_solver, %STEPS%, _N, _idx, _t, _y, _counts);
%EMPTY%
%COUNTS%
    }
    spikestudio_ode_end(_solver);
}
