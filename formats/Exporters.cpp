#include "formats/Exporters.h"

#include <memory>

namespace spikestudio {

// Each exporter is one file under formats/exporters/ that defines its maker.
std::unique_ptr<Exporter> makeBrian2ScriptExporter();
std::unique_ptr<Exporter> makeModelJsonExporter();

namespace {

/// The registration: one line per exporter.
std::vector<std::unique_ptr<Exporter>> registeredExporters() {
    std::vector<std::unique_ptr<Exporter>> exporters;
    exporters.push_back(makeBrian2ScriptExporter());
    exporters.push_back(makeModelJsonExporter());
    return exporters;
}

} // namespace

const std::vector<const Exporter*>& Exporters::all() {
    static const std::vector<std::unique_ptr<Exporter>> owned = registeredExporters();
    static const std::vector<const Exporter*> exporters = [] {
        std::vector<const Exporter*> pointers;
        for (const auto& exporter : owned)
            pointers.push_back(exporter.get());
        return pointers;
    }();
    return exporters;
}

const Exporter* Exporters::byShortName(const std::string& shortName) {
    for (const Exporter* exporter : all())
        if (exporter->shortName() == shortName)
            return exporter;
    return nullptr;
}

} // namespace spikestudio
