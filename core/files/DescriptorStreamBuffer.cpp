#include "files/DescriptorStreamBuffer.h"

#include <cerrno>
#include <unistd.h>

namespace spikestudio {

bool DescriptorStreamBuffer::writeAll(const char* data, size_t count) {
    while (count > 0 && error_ == 0) {
        const ssize_t written = ::write(descriptor_, data, count);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0) {
            error_ = written < 0 ? errno : ENOSPC;
            break;
        }
        data += written;
        count -= static_cast<size_t>(written);
    }
    return error_ == 0;
}

bool DescriptorStreamBuffer::drain() {
    const bool written = writeAll(pbase(), static_cast<size_t>(pptr() - pbase()));
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return written;
}

DescriptorStreamBuffer::int_type DescriptorStreamBuffer::overflow(int_type character) {
    if (!drain())
        return traits_type::eof();
    if (traits_type::eq_int_type(character, traits_type::eof()))
        return traits_type::not_eof(character);
    *pptr() = traits_type::to_char_type(character);
    pbump(1);
    return character;
}

int DescriptorStreamBuffer::sync() {
    return drain() ? 0 : -1;
}

std::streamsize DescriptorStreamBuffer::xsputn(const char* data, std::streamsize count) {
    if (count <= epptr() - pptr())
        return std::streambuf::xsputn(data, count);
    if (!drain() || !writeAll(data, static_cast<size_t>(count)))
        return 0;
    return count;
}

} // namespace spikestudio
