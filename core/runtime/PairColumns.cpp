#include "runtime/PairColumns.h"

namespace spikestudio {

bool PairColumns::varies(const std::string& name) const {
    if (name == "i" || name == "j" || name == variable_)
        return true;
    return source_.suffixedVariable(name, "_pre") || target_.suffixedVariable(name, "_post") ||
           target_.suffixedVariable(name, "");
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
    if (auto value = source_.suffixedVariable(name, "_pre"))
        return Column::of(value->at(static_cast<size_t>(i_)));
    if (j_) {
        const StateArray* post = target_.suffixedVariable(name, "_post");
        if (!post)
            post = target_.suffixedVariable(name, "");
        if (post) {
            std::vector<double> gathered(j_->size());
            for (size_t k = 0; k < gathered.size(); ++k)
                gathered[k] = (*post)[static_cast<size_t>((*j_)[k])];
            return Column::of(std::move(gathered));
        }
    }
    return std::nullopt;
}

} // namespace spikestudio
