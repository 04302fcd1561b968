#include "connectivity/ModelConnectivity.h"

#include "diagnostics/ModelError.h"
#include "engine/NetworkBuilder.h"
#include "model/CheckedModel.h"

#include <QObject>
#include <new>

namespace spikestudio {

ModelConnectivity ModelConnectivity::build(Model model, std::optional<std::uint32_t> seed) {
    ModelConnectivity result;
    result.seedFromModel = seed.has_value() || model.seed.has_value();
    try {
        CheckOptions options;
        options.seed = seed;
        // Nothing runs: the duration (which may be missing while editing) is
        // moot; a protocol gives its own, which no duration may replace.
        if (model.protocol.empty())
            options.duration = "1*second";
        const CheckedModel checked = checkModel(std::move(model), options);
        result.seed = checked.seed;
        const std::unique_ptr<Network> network = buildConnectivity(checked);
        for (size_t k = 0; k < checked.synapses.size(); ++k)
            result.synapses.push_back(
                SynapsesSummary::of(network->synapses()[k], checked.synapses[k]));
    } catch (const ModelError& error) {
        result.problem = QString::fromStdString(error.what());
    } catch (const std::bad_alloc&) {
        result.problem = QObject::tr("there is not enough memory to create these synapses");
    } catch (const std::exception&) {
        result.problem = QObject::tr("the synapses could not be created");
    }
    return result;
}

const SynapsesSummary* ModelConnectivity::find(const std::string& name) const {
    for (const SynapsesSummary& summary : synapses)
        if (summary.name == name)
            return &summary;
    return nullptr;
}

} // namespace spikestudio
