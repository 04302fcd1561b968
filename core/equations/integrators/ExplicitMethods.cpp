// Brian2's explicit state updaters (stateupdaters/explicit.py), written as
// abstract code over expression trees. Temporaries are named after Brian2's
// (_k_1_v, _x_support_v, ...) with a leading '_' no user name can have.
#include "equations/integrators/LinearForm.h"
#include "equations/integrators/OdeSystem.h"

namespace spikestudio {

namespace {

ExprPtr number(double value) {
    return makeNumber(value);
}
ExprPtr name(const std::string& text) {
    return makeName(text);
}
ExprPtr dt() {
    return name("dt");
}
ExprPtr sqrtDt() {
    return makeBinary(BinaryOp::Power, dt(), number(0.5));
}
std::string noiseName(const std::string& symbol) {
    return "_dW_" + symbol;
}

ExprPtr drift(const OdeSystem& s, size_t row) {
    return s.unlessRefractory[row] ? gated(s.drift[row]) : s.drift[row];
}

ExprPtr diffusion(const OdeSystem& s, size_t row, const std::string& symbol) {
    const auto found = s.noise[row].find(symbol);
    if (found == s.noise[row].end() || !found->second)
        return nullptr;
    return s.unlessRefractory[row] ? gated(found->second) : found->second;
}

/// Maps each variable x to `base_x` (or x + scale*increment_x when given).
std::map<std::string, ExprPtr> shiftedState(const OdeSystem& s, const std::string& increment,
                                            double scale) {
    std::map<std::string, ExprPtr> state;
    for (const std::string& v : s.variables)
        state[v] = name(v) + multiplyTerms(number(scale), name(increment + v));
    return state;
}

void drawNoise(const OdeSystem& s, AbstractCode& code) {
    for (const std::string& symbol : s.noiseSymbols)
        code.push_back(Assignment{noiseName(symbol), sqrtDt() * makeCall("randn", {})});
}

void assignBack(const OdeSystem& s, AbstractCode& code) {
    for (const std::string& v : s.variables)
        code.push_back(Assignment{v, name("_" + v)});
}

ExprPtr noiseTerm(const OdeSystem& s, size_t row) {
    ExprPtr sum;
    for (const std::string& symbol : s.noiseSymbols)
        sum = addTerms(sum, multiplyTerms(diffusion(s, row, symbol), name(noiseName(symbol))));
    return sum;
}

void requireDeterministic(const OdeSystem& s, const char* method) {
    if (s.isStochastic())
        throw UnsupportedEquations{std::string(method) + " cannot integrate stochastic equations"};
}

} // namespace

AbstractCode integrateEuler(const OdeSystem& s) {
    if (s.hasMultiplicativeNoise())
        throw UnsupportedEquations{"euler cannot integrate multiplicative noise (the noise factor "
                                   "depends on a state variable); use heun or milstein"};
    AbstractCode code;
    drawNoise(s, code);
    for (size_t r = 0; r < s.variables.size(); ++r)
        code.push_back(
            Assignment{"_" + s.variables[r],
                       addTerms(name(s.variables[r]) + dt() * drift(s, r), noiseTerm(s, r))});
    assignBack(s, code);
    return code;
}

AbstractCode integrateRK2(const OdeSystem& s) {
    requireDeterministic(s, "rk2");
    AbstractCode code;
    for (size_t r = 0; r < s.variables.size(); ++r)
        code.push_back(Assignment{"_k_" + s.variables[r], dt() * drift(s, r)});
    const auto half = shiftedState(s, "_k_", 0.5);
    const ExprPtr midTime = name("t") + dt() / number(2.0);
    for (size_t r = 0; r < s.variables.size(); ++r)
        code.push_back(
            Assignment{"_" + s.variables[r],
                       name(s.variables[r]) + dt() * evaluatedAt(drift(s, r), half, midTime)});
    assignBack(s, code);
    return code;
}

AbstractCode integrateRK4(const OdeSystem& s) {
    requireDeterministic(s, "rk4");
    AbstractCode code;
    const ExprPtr midTime = name("t") + dt() / number(2.0);
    const ExprPtr endTime = name("t") + dt();
    struct Stage {
        const char* from; // temporaries the stage's state is shifted by ("" = none)
        double scale;
        ExprPtr time;
    };
    const Stage stages[4] = {{"", 0.0, nullptr},
                             {"_k_1_", 0.5, midTime},
                             {"_k_2_", 0.5, midTime},
                             {"_k_3_", 1.0, endTime}};
    for (int k = 0; k < 4; ++k) {
        std::map<std::string, ExprPtr> state;
        if (stages[k].scale != 0.0)
            state = shiftedState(s, stages[k].from, stages[k].scale);
        for (size_t r = 0; r < s.variables.size(); ++r)
            code.push_back(Assignment{"_k_" + std::to_string(k + 1) + "_" + s.variables[r],
                                      dt() * evaluatedAt(drift(s, r), state, stages[k].time)});
    }
    for (const std::string& v : s.variables) {
        const ExprPtr sum = name("_k_1_" + v) + number(2.0) * name("_k_2_" + v) +
                            number(2.0) * name("_k_3_" + v) + name("_k_4_" + v);
        code.push_back(Assignment{"_" + v, name(v) + sum / number(6.0)});
    }
    assignBack(s, code);
    return code;
}

AbstractCode integrateHeun(const OdeSystem& s) {
    AbstractCode code;
    drawNoise(s, code);
    std::map<std::string, ExprPtr> support;
    for (size_t r = 0; r < s.variables.size(); ++r) {
        const std::string temp = "_x_support_" + s.variables[r];
        code.push_back(Assignment{temp, addTerms(name(s.variables[r]), noiseTerm(s, r))});
        support[s.variables[r]] = name(temp);
    }
    const ExprPtr endTime = name("t") + dt();
    for (size_t r = 0; r < s.variables.size(); ++r) {
        ExprPtr correction;
        for (const std::string& symbol : s.noiseSymbols) {
            const ExprPtr g = diffusion(s, r, symbol);
            if (!g)
                continue;
            const ExprPtr gSupport = evaluatedAt(g, support, endTime);
            correction =
                addTerms(correction, number(0.5) * name(noiseName(symbol)) * (g + gSupport));
        }
        code.push_back(Assignment{"_" + s.variables[r],
                                  addTerms(name(s.variables[r]) + dt() * drift(s, r), correction)});
    }
    assignBack(s, code);
    return code;
}

AbstractCode integrateMilstein(const OdeSystem& s) {
    AbstractCode code;
    drawNoise(s, code);
    for (size_t r = 0; r < s.variables.size(); ++r) {
        const std::string& v = s.variables[r];
        ExprPtr total = name(v) + dt() * drift(s, r);
        for (const std::string& symbol : s.noiseSymbols) {
            const ExprPtr g = diffusion(s, r, symbol);
            if (!g)
                continue;
            // Support value for this variable only: diagonal noise, as in Brian2.
            const std::string temp = "_x_support_" + v + "_" + symbol;
            code.push_back(Assignment{temp, name(v) + dt() * drift(s, r) + sqrtDt() * g});
            const ExprPtr gSupport = evaluatedAt(g, {{v, name(temp)}}, nullptr);
            const ExprPtr dW = name(noiseName(symbol));
            const ExprPtr k = number(1.0) / (number(2.0) * sqrtDt()) * (gSupport - g) * (dW * dW);
            total = total + g * dW + k;
        }
        code.push_back(Assignment{"_" + v, total});
    }
    assignBack(s, code);
    return code;
}

} // namespace spikestudio
