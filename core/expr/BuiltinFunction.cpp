#include "expr/BuiltinFunction.h"

#include <array>
#include <limits>
#include <numbers>

namespace spikestudio {

namespace {
using A = ArgumentRule;
using R = ReturnRule;
using K = ReturnKind;

constexpr std::array kFunctions = {
    BuiltinFunction{"sin", 1, A::Dimensionless, R::Dimensionless, K::Float, false},
    BuiltinFunction{"cos", 1, A::Dimensionless, R::Dimensionless, K::Float, false},
    BuiltinFunction{"tan", 1, A::Dimensionless, R::Dimensionless, K::Float, false},
    BuiltinFunction{"sinh", 1, A::Dimensionless, R::Dimensionless, K::Float, false},
    BuiltinFunction{"cosh", 1, A::Dimensionless, R::Dimensionless, K::Float, false},
    BuiltinFunction{"tanh", 1, A::Dimensionless, R::Dimensionless, K::Float, false},
    BuiltinFunction{"arcsin", 1, A::Dimensionless, R::Dimensionless, K::Float, false},
    BuiltinFunction{"arccos", 1, A::Dimensionless, R::Dimensionless, K::Float, false},
    BuiltinFunction{"arctan", 1, A::Dimensionless, R::Dimensionless, K::Float, false},
    BuiltinFunction{"exp", 1, A::Dimensionless, R::Dimensionless, K::Float, false},
    BuiltinFunction{"log", 1, A::Dimensionless, R::Dimensionless, K::Float, false},
    BuiltinFunction{"log10", 1, A::Dimensionless, R::Dimensionless, K::Float, false},
    BuiltinFunction{"expm1", 1, A::Dimensionless, R::Dimensionless, K::Float, false},
    BuiltinFunction{"log1p", 1, A::Dimensionless, R::Dimensionless, K::Float, false},
    BuiltinFunction{"exprel", 1, A::Dimensionless, R::Dimensionless, K::Float, false},
    BuiltinFunction{"sqrt", 1, A::Any, R::SquareRoot, K::Float, false},
    BuiltinFunction{"abs", 1, A::Any, R::SameAsFirst, K::Float, false},
    BuiltinFunction{"ceil", 1, A::Any, R::SameAsFirst, K::Float, false},
    BuiltinFunction{"floor", 1, A::Any, R::SameAsFirst, K::Float, false},
    BuiltinFunction{"sign", 1, A::Any, R::Dimensionless, K::Integer, false},
    BuiltinFunction{"int", 1, A::Dimensionless, R::Dimensionless, K::Integer, false},
    BuiltinFunction{"clip", 3, A::MatchFirst, R::SameAsFirst, K::Float, false},
    BuiltinFunction{"timestep", 2, A::Time, R::Dimensionless, K::Integer, false},
    BuiltinFunction{"rand", 0, A::Any, R::Dimensionless, K::Float, true},
    BuiltinFunction{"randn", 0, A::Any, R::Dimensionless, K::Float, true},
    BuiltinFunction{"poisson", 1, A::Dimensionless, R::Dimensionless, K::Integer, true},
};
} // namespace

const BuiltinFunction* findBuiltinFunction(std::string_view name) {
    for (const BuiltinFunction& function : kFunctions)
        if (function.name == name)
            return &function;
    return nullptr;
}

bool findBuiltinConstant(std::string_view name, double& value) {
    if (name == "pi")
        value = std::numbers::pi;
    else if (name == "e")
        value = std::numbers::e;
    else if (name == "inf")
        value = std::numeric_limits<double>::infinity();
    else
        return false;
    return true;
}

} // namespace spikestudio
