// Folding names for comparison, as kg::fold_key does (graph/text_fold.h),
// with the common case kept off utf8proc.
#pragma once

#include <string>
#include <string_view>

namespace kg::extract {

// Equal to kg::fold_key(text) for every text. ASCII and the accented Latin-1
// letters (extract/latin1.h) are folded here; any other text goes to
// kg::fold_key, whose general path decodes and transforms it with utf8proc.
std::string fold_name(std::string_view text);

}  // namespace kg::extract
