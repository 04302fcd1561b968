#include "engine/GslSolver.h"

#include <atomic>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_odeiv2.h>
#include <memory>
#include <mutex>

namespace {

const gsl_odeiv2_step_type* stepperType(std::int64_t stepper) {
    switch (stepper) {
    case 0:
        return gsl_odeiv2_step_rk2;
    case 1:
        return gsl_odeiv2_step_rk4;
    case 2:
        return gsl_odeiv2_step_rkf45;
    case 3:
        return gsl_odeiv2_step_rkck;
    case 4:
        return gsl_odeiv2_step_rk8pd;
    default:
        return nullptr;
    }
}

/// One kernel call's solver. Its system must stay where the driver points.
struct Solver {
    gsl_odeiv2_system system{};
    gsl_odeiv2_driver* driver = nullptr;
    SpikeStudioRightHandSide rhs = nullptr;
    void* call = nullptr;
    bool adaptable = true;
    bool useLastStep = true;
    double dt = 0.0;

    ~Solver() {
        if (driver)
            gsl_odeiv2_driver_free(driver);
    }
};

int evaluate(double t, const double y[], double dydt[], void* params) {
    const auto* solver = static_cast<const Solver*>(params);
    solver->rhs(t, y, dydt, solver->call);
    return GSL_SUCCESS;
}

/// GSL's default handler aborts the process; failures come back as status codes.
void returnGslErrors() {
    static std::once_flag once;
    std::call_once(once, [] { gsl_set_error_handler_off(); });
}

void noteFailure(double* steps, std::int64_t size, std::int64_t element, double t) {
    std::atomic_ref<double> first(steps[size]);
    double none = 0.0;
    if (first.compare_exchange_strong(none, static_cast<double>(element) + 1.0))
        steps[size + 1] = t; // read only between steps, after every part finished
}

} // namespace

extern "C" void* spikestudio_ode_begin(std::int64_t stepper, std::int64_t dimension,
                                       const double* absoluteErrors, std::int64_t maxSteps,
                                       std::int64_t flags, double dt, SpikeStudioRightHandSide rhs,
                                       void* call) {
    returnGslErrors();
    auto solver = std::make_unique<Solver>();
    solver->system = {evaluate, nullptr, static_cast<size_t>(dimension), solver.get()};
    solver->rhs = rhs;
    solver->call = call;
    solver->adaptable = (flags & 1) != 0;
    solver->useLastStep = (flags & 2) != 0;
    solver->dt = dt;
    const gsl_odeiv2_step_type* type = stepperType(stepper);
    if (!type || dimension < 1 || !(dt > 0.0))
        return nullptr;
    // As Brian2: absolute errors only (eps_abs 1 scaled per component), steps of at most dt.
    solver->driver = gsl_odeiv2_driver_alloc_scaled_new(&solver->system, type, dt, 1.0, 0.0, 0.0,
                                                        0.0, absoluteErrors);
    if (!solver->driver)
        return nullptr;
    gsl_odeiv2_driver_set_nmax(solver->driver, static_cast<unsigned long>(maxSteps));
    gsl_odeiv2_driver_set_hmax(solver->driver, dt);
    return solver.release();
}

extern "C" void spikestudio_ode_step(void* address, double* steps, std::int64_t size,
                                     std::int64_t element, double t, double* y, double* counts) {
    auto* solver = static_cast<Solver*>(address);
    counts[0] = counts[1] = 0.0;
    if (!solver) {
        noteFailure(steps, size, element, t);
        return;
    }
    if (solver->useLastStep)
        gsl_odeiv2_driver_reset_hstart(solver->driver,
                                       steps[element] > 0.0 ? steps[element] : solver->dt);
    else
        gsl_odeiv2_driver_reset(solver->driver);
    double time = t;
    const int status =
        solver->adaptable
            ? gsl_odeiv2_driver_apply(solver->driver, &time, t + solver->dt, y)
            : gsl_odeiv2_driver_apply_fixed_step(solver->driver, &time, solver->dt, 1, y);
    if (status != GSL_SUCCESS)
        noteFailure(steps, size, element, t);
    if (solver->useLastStep)
        steps[element] = solver->driver->h;
    counts[0] = static_cast<double>(solver->driver->n);
    counts[1] = static_cast<double>(solver->driver->e->failed_steps);
}

extern "C" void spikestudio_ode_end(void* solver) {
    delete static_cast<Solver*>(solver);
}
