#include "SweepSpecificationFile.h"

#include "diagnostics/ModelError.h"
#include "sweep/SweepPlan.h"

#include <fstream>
#include <sstream>

namespace spikestudio {

namespace {

// A specification lists at most a few axes of at most 10,000 values each.
constexpr std::streamoff kLargestSpecification = 16 * 1024 * 1024;

ModelError specificationError(const std::string& problem) {
    return ModelError({"command line", "--spec", 0, 0}, problem);
}

std::string specificationText(const std::string& path) {
    std::ifstream file(path, std::ios::binary | std::ios::ate);
    if (!file)
        throw specificationError("cannot read " + path);
    if (file.tellg() > kLargestSpecification)
        throw specificationError(path + " is larger than a sweep's specification can be");
    file.seekg(0);
    std::ostringstream text;
    text << file.rdbuf();
    if (file.bad())
        throw specificationError("cannot read " + path);
    return text.str();
}

std::string seedsText(const std::vector<std::uint32_t>& seeds) {
    std::string text;
    for (const std::uint32_t seed : seeds)
        text += (text.empty() ? "" : ",") + std::to_string(seed);
    return text;
}

} // namespace

CommandLine withSweepSpecification(CommandLine line) {
    if (!line.spec)
        return line;
    if (!line.vary.empty() || line.zip)
        throw specificationError("--spec gives the sweep's values; leave out --vary and --zip");
    const std::string path = *line.spec;
    SweepPlan plan = [&] {
        try {
            return SweepPlan::fromSpecification(specificationText(path));
        } catch (const ModelError&) {
            throw;
        } catch (const UserError& error) {
            throw specificationError(path + ": " + error.what());
        }
    }();
    for (const SweepAxis& axis : plan.axes())
        line.vary.push_back(axis.text);
    line.zip = plan.combination() == SweepCombination::Zip;
    if (!line.seeds && !plan.seeds().empty())
        line.seeds = seedsText(plan.seeds());
    return line;
}

} // namespace spikestudio
