#include "sweep/SweepPlan.h"

#include "diagnostics/UserError.h"
#include "model/CheckedModel.h"

#include <nlohmann/json.hpp>
#include <set>

namespace spikestudio {
namespace {

std::string tooMany() {
    return "the sweep has more than " + std::to_string(kMaxSweepVariants) +
           " runs: use fewer values or seeds";
}

} // namespace

SweepPlan::SweepPlan(std::vector<SweepAxis> axes, std::vector<std::uint32_t> seeds,
                     SweepCombination combination)
    : axes_(std::move(axes)), seeds_(std::move(seeds)), combination_(combination) {
    if (axes_.empty())
        throw UserError("a sweep needs at least one --vary");
    std::set<std::string> names;
    for (const SweepAxis& axis : axes_)
        if (!names.insert(axis.constant).second)
            throw UserError("--vary: the constant '" + axis.constant + "' is varied twice");
    std::size_t points = 1;
    for (const SweepAxis& axis : axes_) {
        if (combination_ == SweepCombination::Zip) {
            if (axis.values.size() != axes_.front().values.size())
                throw UserError("--zip: '" + axis.constant + "' has " +
                                std::to_string(axis.values.size()) + " values, '" +
                                axes_.front().constant + "' " +
                                std::to_string(axes_.front().values.size()) +
                                "; zipped constants need as many values each");
            points = axis.values.size();
        } else {
            if (points > kMaxSweepVariants / axis.values.size())
                throw UserError(tooMany());
            points *= axis.values.size();
        }
    }
    if (points > kMaxSweepVariants / std::max<std::size_t>(1, seeds_.size()))
        throw UserError(tooMany());
}

void SweepPlan::checkAgainst(const CheckedModel& model) const {
    for (const SweepAxis& axis : axes_) {
        const bool isConstant =
            model.constants->definesLocally(axis.constant) &&
            model.constants->lookup(axis.constant)->kind == SymbolKind::Constant;
        if (!isConstant) {
            std::string known;
            for (const auto& [name, value] : model.model.constants)
                known += (known.empty() ? "" : ", ") + name;
            throw UserError("--vary '" + axis.text + "': the model has no constant '" +
                            axis.constant + "'" +
                            (known.empty() ? "" : " (its constants: " + known + ")"));
        }
        const Dimension modelUnit = model.constants->lookup(axis.constant)->dim;
        if (modelUnit != axis.dimension)
            throw UserError("--vary '" + axis.text + "': the values are in " +
                            axis.dimension.toString() + " but '" + axis.constant + "' is in " +
                            modelUnit.toString());
    }
}

std::string SweepPlan::specificationJson(const std::optional<std::string>& duration) const {
    nlohmann::ordered_json spec;
    spec["vary"] = nlohmann::ordered_json::array();
    for (const SweepAxis& axis : axes_)
        spec["vary"].push_back(axis.text);
    spec["combination"] = combination_ == SweepCombination::Zip ? "zip" : "grid";
    spec["seeds"] = seeds_;
    if (duration)
        spec["duration"] = *duration;
    // Replaced, not refused: a specification is for people and may hold any text.
    return spec.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::size_t SweepPlan::pointCount() const {
    if (combination_ == SweepCombination::Zip)
        return axes_.front().values.size();
    std::size_t points = 1;
    for (const SweepAxis& axis : axes_)
        points *= axis.values.size();
    return points;
}

std::size_t SweepPlan::variantCount() const {
    return pointCount() * std::max<std::size_t>(1, seeds_.size());
}

std::vector<std::size_t> SweepPlan::valueIndices(std::size_t point) const {
    std::vector<std::size_t> indices(axes_.size(), point);
    if (combination_ == SweepCombination::Zip)
        return indices;
    for (std::size_t k = axes_.size(); k-- > 0;) {
        indices[k] = point % axes_[k].values.size();
        point /= axes_[k].values.size();
    }
    return indices;
}

std::size_t SweepPlan::valueIndex(std::size_t variant, std::size_t axis) const {
    return valueIndices(variant / std::max<std::size_t>(1, seeds_.size())).at(axis);
}

SweepVariant SweepPlan::variant(std::size_t index) const {
    const std::size_t seedsPerPoint = std::max<std::size_t>(1, seeds_.size());
    SweepVariant variant;
    variant.index = index;
    const std::vector<std::size_t> indices = valueIndices(index / seedsPerPoint);
    for (std::size_t k = 0; k < axes_.size(); ++k)
        variant.constants.emplace_back(axes_[k].constant, axes_[k].valueText(indices[k]));
    if (!seeds_.empty())
        variant.seed = seeds_[index % seedsPerPoint];
    return variant;
}

} // namespace spikestudio
