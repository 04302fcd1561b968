#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

namespace spikestudio::fuzz {

/// Reads a fuzz input front to back: small numbers, fixed-size values and
/// length-prefixed strings. Past the end every read gives zeros or empty
/// text, so any input decodes to something.
class FuzzBytes {
public:
    explicit FuzzBytes(std::span<const std::uint8_t> data) : data_(data) {}

    bool empty() const { return offset_ >= data_.size(); }
    size_t remaining() const { return empty() ? 0 : data_.size() - offset_; }

    std::uint8_t byte() { return empty() ? 0 : data_[offset_++]; }

    /// A choice among `count` alternatives (count > 0).
    size_t choice(size_t count) { return byte() % count; }

    template <typename T> T value() {
        T result{};
        const size_t size = remaining() < sizeof(T) ? remaining() : sizeof(T);
        if (size > 0)
            std::memcpy(&result, data_.data() + offset_, size);
        offset_ += size;
        return result;
    }

    /// Up to `limit` bytes, the length taken from the next byte.
    std::string shortText(size_t limit = 255) { return text(byte() % (limit + 1)); }

    /// Up to `size` bytes (fewer when the input ends).
    std::string text(size_t size) {
        const size_t taken = size < remaining() ? size : remaining();
        std::string result(reinterpret_cast<const char*>(data_.data()) + offset_, taken);
        offset_ += taken;
        return result;
    }

    /// Everything not read yet.
    std::string rest() { return text(remaining()); }
    std::span<const std::byte> restAsBytes() {
        const auto* begin = reinterpret_cast<const std::byte*>(data_.data()) + offset_;
        const size_t size = remaining();
        offset_ = data_.size();
        return {begin, size};
    }

private:
    std::span<const std::uint8_t> data_;
    size_t offset_ = 0;
};

} // namespace spikestudio::fuzz
