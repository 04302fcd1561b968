#include "runtime/PairColumns.h"

namespace spikestudio {

bool PairColumns::varies(const std::string& name) const {
    if (name == "i" || name == "j" || name == variable_)
        return true;
    return groupVariable(name, "_pre", source_) || groupVariable(name, "_post", target_) ||
           groupVariable(name, "", target_);
}

std::optional<Column> PairColumns::operator()(const std::string& name) const {
    if (name == "i")
        return Column::of(static_cast<double>(i_));
    if (name == variable_ && candidates_)
        return Column::of(*candidates_);
    if (name == "j" && j_)
        return Column::of(*j_);
    if (name == "N_pre")
        return Column::of(static_cast<double>(source_.size));
    if (name == "N_post")
        return Column::of(static_cast<double>(target_.size));
    if (auto value = groupVariable(name, "_pre", source_))
        return Column::of(value->at(static_cast<size_t>(i_)));
    if (j_) {
        const StateArray* post = groupVariable(name, "_post", target_);
        if (!post)
            post = groupVariable(name, "", target_);
        if (post) {
            std::vector<double> gathered(j_->size());
            for (size_t k = 0; k < gathered.size(); ++k)
                gathered[k] = (*post)[static_cast<size_t>((*j_)[k])];
            return Column::of(std::move(gathered));
        }
    }
    return std::nullopt;
}

const StateArray* PairColumns::groupVariable(const std::string& name, const std::string& suffix,
                                             const GroupState& group) {
    if (!name.ends_with(suffix))
        return nullptr;
    const auto found = group.variables.find(name.substr(0, name.size() - suffix.size()));
    return found == group.variables.end() ? nullptr : &found->second;
}

} // namespace spikestudio
