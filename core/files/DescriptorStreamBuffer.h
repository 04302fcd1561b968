#pragma once

#include <array>
#include <streambuf>

namespace spikestudio {

/// A std::streambuf that writes to an open file descriptor (which it does
/// not own), remembering the errno of the first write that failed so that
/// the caller can say why ("no space left on device").
class DescriptorStreamBuffer : public std::streambuf {
public:
    explicit DescriptorStreamBuffer(int descriptor) : descriptor_(descriptor) {
        setp(buffer_.data(), buffer_.data() + buffer_.size());
    }

    /// errno of the first failed write; 0 while every write succeeded.
    int error() const { return error_; }

protected:
    int_type overflow(int_type character) override;
    int sync() override;
    std::streamsize xsputn(const char* data, std::streamsize count) override;

private:
    bool writeAll(const char* data, size_t count);
    bool drain();

    int descriptor_;
    int error_ = 0;
    std::array<char, 1 << 16> buffer_{};
};

} // namespace spikestudio
