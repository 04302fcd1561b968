#include "expr/ElementAssignment.h"

#include <algorithm>

namespace spikestudio {

std::vector<long long> IndexSelection::indices(long long size) const {
    if (form == Form::List)
        return list;
    std::vector<long long> result;
    const long long from = form == Form::All ? 0 : start;
    const long long to = form == Form::All || stop < 0 ? size : std::min(stop, size);
    const long long by = form == Form::All ? 1 : step;
    if (to > from)
        result.reserve(static_cast<size_t>((to - from + by - 1) / by));
    for (long long k = from; k < to; k += by)
        result.push_back(k);
    return result;
}

long long IndexSelection::firstOutside(long long size) const {
    if (form == Form::List) {
        for (long long index : list)
            if (index >= size)
                return index;
        return -1;
    }
    if (form == Form::Slice) {
        if (start > size)
            return start;
        if (stop > size)
            return stop;
    }
    return -1;
}

} // namespace spikestudio
