#include "document/ModelLookup.h"

namespace spikestudio {

namespace ModelLookup {

bool nameTaken(const Model& model, const QString& name) {
    const std::string key = name.toStdString();
    auto named = [&](const auto& specs) {
        for (const auto& spec : specs)
            if (spec.name == key)
                return true;
        return false;
    };
    for (const auto& [constant, value] : model.constants)
        if (constant == key)
            return true;
    return named(model.groups) || named(model.synapses) || named(model.monitors) ||
           named(model.poissonInputs) || named(model.timedArrays);
}

QString freeName(const Model& model, const QString& prefix) {
    for (int number = 1;; ++number) {
        const QString candidate = prefix + QString::number(number);
        if (!nameTaken(model, candidate))
            return candidate;
    }
}

} // namespace ModelLookup

} // namespace spikestudio
