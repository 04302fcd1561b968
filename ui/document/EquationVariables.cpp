#include "document/EquationVariables.h"

#include "equations/EquationParser.h"
#include "units/UnitRegistry.h"

#include <QStringList>

namespace spikestudio {

namespace {

QString zeroIn(const Dimension& dim) {
    const std::string unit = UnitRegistry::instance().baseNameFor(dim);
    return unit.empty() ? QStringLiteral("0") : QStringLiteral("0*%1").arg(unit.c_str());
}

} // namespace

namespace EquationVariables {

QList<Variable> all(const std::string& equations) {
    QList<Variable> found;
    try {
        for (const Equation& equation : parseEquations(equations))
            found.append({QString::fromStdString(equation.name), zeroIn(equation.unit.dim),
                          equation.kind == EquationKind::Subexpression});
    } catch (const std::exception&) {
        return {};
    }
    return found;
}

QStringList stateVariables(const std::string& equations) {
    QStringList names;
    for (const Variable& variable : all(equations))
        if (!variable.subexpression)
            names << variable.name;
    return names;
}

QStringList recordable(const std::string& equations) {
    QStringList names;
    for (const Variable& variable : all(equations))
        names << variable.name;
    return names;
}

} // namespace EquationVariables

} // namespace spikestudio
