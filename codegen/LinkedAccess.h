#pragma once

#include "codegen/KernelView.h"
#include "model/CheckedLink.h"

#include <string>

namespace spikestudio {

/// How a kernel reads the linked variable `link` of `group` under the name
/// `via`, for the group's element `element` (C: "_idx", "_pre", ...): the
/// source's own array, at the element the link says.
NameAccess linkedAccess(const std::string& group, const CheckedLink& link, const std::string& via,
                        const std::string& element);

} // namespace spikestudio
