#pragma once

#include <QList>
#include <QString>
#include <string>

namespace spikestudio {

/// The variables an equations text defines, in order, for choosing what to
/// initialise or record. Text that does not parse gives none (the checker
/// reports it at its field).
namespace EquationVariables {

struct Variable {
    QString name;
    QString zero; // its zero as an expression in its unit: "0*volt", "0"
    bool subexpression = false;
};

QList<Variable> all(const std::string& equations);
/// Differential equations and parameters: what `initial` may set.
QStringList stateVariables(const std::string& equations);
/// State variables and subexpressions: what a StateMonitor may record.
QStringList recordable(const std::string& equations);

} // namespace EquationVariables

} // namespace spikestudio
