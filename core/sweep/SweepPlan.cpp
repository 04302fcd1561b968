#include "sweep/SweepPlan.h"

#include "diagnostics/UserError.h"
#include "model/CheckedModel.h"
#include "sweep/SeedList.h"

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

SweepPlan SweepPlan::fromSpecification(const std::string& json) {
    const auto refuse = [](const std::string& why) -> UserError {
        return UserError("the sweep's specification is not readable: " + why);
    };
    const nlohmann::json spec = nlohmann::json::parse(json, nullptr, false);
    if (spec.is_discarded() || !spec.is_object())
        throw refuse("not a JSON object");
    const auto vary = spec.find("vary");
    if (vary == spec.end() || !vary->is_array())
        throw refuse("'vary' is not a list");
    std::vector<SweepAxis> axes;
    for (const auto& text : *vary) {
        if (!text.is_string())
            throw refuse("an entry of 'vary' is not text");
        axes.push_back(parseSweepAxis(text.get<std::string>()));
    }
    std::vector<std::uint32_t> seeds;
    if (const auto list = spec.find("seeds"); list != spec.end()) {
        if (!list->is_array() || list->size() > kMaxSweepSeeds)
            throw refuse("'seeds' is not a list of at most " + std::to_string(kMaxSweepSeeds));
        for (const auto& seed : *list) {
            if (!seed.is_number_unsigned() || seed.get<std::uint64_t>() > 4294967295u)
                throw refuse("a seed is not a whole number from 0 to 4294967295");
            seeds.push_back(seed.get<std::uint32_t>());
        }
    }
    const auto combination = spec.find("combination");
    if (combination == spec.end() || !combination->is_string() ||
        (*combination != "grid" && *combination != "zip"))
        throw refuse("'combination' is neither \"grid\" nor \"zip\"");
    return SweepPlan(std::move(axes), std::move(seeds),
                     *combination == "zip" ? SweepCombination::Zip : SweepCombination::Grid);
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
