#include "codegen/LinkedAccess.h"

namespace spikestudio {

NameAccess linkedAccess(const std::string& group, const CheckedLink& link, const std::string& via,
                        const std::string& element) {
    NameAccess access{binding::LinkedSource{link.sourceGroup, link.sourceVariable, via}, element,
                      std::nullopt};
    switch (link.element) {
    case CheckedLink::Element::Offset:
        if (link.offset != 0)
            access.index = "(" + element + " + " + std::to_string(link.offset) + ")";
        break;
    case CheckedLink::Element::Fixed:
        access.index = std::to_string(link.offset);
        break;
    case CheckedLink::Element::Indexed:
        access.indexArray = binding::LinkIndices{group, link.variable};
        break;
    }
    return access;
}

} // namespace spikestudio
