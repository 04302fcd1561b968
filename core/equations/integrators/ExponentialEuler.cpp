// Brian2's exponential_euler (stateupdaters/exponential_euler.py): each
// equation is linear in its own variable, dx/dt = A x + B, and is advanced
// exactly over dt with the other variables held at their old values.
#include "equations/integrators/LinearForm.h"
#include "equations/integrators/OdeSystem.h"
#include "expr/ExprRewrite.h"
#include "expr/ExprText.h"

namespace spikestudio {

AbstractCode integrateExponentialEuler(const OdeSystem& s) {
    if (s.isStochastic())
        throw UnsupportedEquations{"exponential_euler cannot integrate stochastic equations"};
    AbstractCode code;
    const ExprPtr dt = makeName("dt");
    for (size_t r = 0; r < s.variables.size(); ++r) {
        const std::string& v = s.variables[r];
        const auto form = linearForm(s.drift[r], {v}, Linearity::Conditional);
        // As in Brian2, the variable must appear as a factor of its own when it appears at all.
        if (!form || (!form->coefficient(v) && collectNames(s.drift[r]).count(v)))
            throw UnsupportedEquations{"the equation of '" + v + "' is not linear in '" + v +
                                       "': '" + toText(s.drift[r]) + "'"};
        const ExprPtr A = form->coefficient(v);
        const ExprPtr B = form->constant;
        // Refractoriness gates A only: B/A must stay finite when it is zero.
        const ExprPtr gatedA = A && s.unlessRefractory[r] ? gated(A) : A;
        const ExprPtr x = makeName(v);
        if (!A) {
            const ExprPtr step = s.unlessRefractory[r] ? gated(dt * B) : dt * B;
            code.push_back(Assignment{"_" + v, B ? x + step : x});
        } else if (!B) {
            code.push_back(Assignment{"_" + v, x * makeCall("exp", {gatedA * dt})});
        } else {
            code.push_back(Assignment{"_BA_" + v, B / A});
            const ExprPtr ba = makeName("_BA_" + v);
            code.push_back(Assignment{"_" + v, -ba + (ba + x) * makeCall("exp", {gatedA * dt})});
        }
    }
    for (const std::string& v : s.variables)
        code.push_back(Assignment{v, makeName("_" + v)});
    return code;
}

} // namespace spikestudio
