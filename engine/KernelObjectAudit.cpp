#include "engine/KernelObjectAudit.h"

#include <elf.h>
#include <gelf.h>
#include <libelf.h>
#include <memory>
#include <optional>
#include <vector>

namespace spikestudio {

namespace {

using ElfHandle = std::unique_ptr<Elf, decltype(&elf_end)>;

bool isMathLibrary(const std::string& name) {
    return name.starts_with("libm.so.") || name.starts_with("libmvec.so.");
}

/// What a dynamic entry that makes the loader run or look for code is called; "" for others.
const char* forbiddenEntry(GElf_Sxword tag) {
    switch (tag) {
    case DT_INIT:
    case DT_INIT_ARRAY:
    case DT_PREINIT_ARRAY:
        return "an initialiser";
    case DT_FINI:
    case DT_FINI_ARRAY:
        return "a finaliser";
    case DT_RPATH:
    case DT_RUNPATH:
        return "a library search path";
    case DT_AUDIT:
    case DT_DEPAUDIT:
        return "an audit library";
    case DT_AUXILIARY:
    case DT_FILTER:
        return "a filter library";
    default:
        return "";
    }
}

std::string auditDynamicSection(Elf* elf, Elf_Scn* section, const GElf_Shdr& header) {
    Elf_Data* data = elf_getdata(section, nullptr);
    if (!data || header.sh_entsize == 0)
        return "its dynamic section cannot be read";
    const size_t count = header.sh_size / header.sh_entsize;
    for (size_t k = 0; k < count; ++k) {
        GElf_Dyn entry;
        if (!gelf_getdyn(data, static_cast<int>(k), &entry))
            return "its dynamic section cannot be read";
        if (entry.d_tag == DT_NULL)
            break;
        if (const std::string what = forbiddenEntry(entry.d_tag); !what.empty())
            return "it has " + what;
        if (entry.d_tag != DT_NEEDED)
            continue;
        const char* name = elf_strptr(elf, header.sh_link, entry.d_un.d_val);
        if (!name || !isMathLibrary(name))
            return std::string("it needs the library ") + (name ? name : "(unnamed)") +
                   " (only libm is allowed)";
    }
    return {};
}

std::string auditImports(Elf* elf, Elf_Scn* section, const GElf_Shdr& header,
                         const std::set<std::string>& allowed) {
    Elf_Data* data = elf_getdata(section, nullptr);
    if (!data || header.sh_entsize == 0)
        return "its symbol table cannot be read";
    const size_t count = header.sh_size / header.sh_entsize;
    for (size_t k = 0; k < count; ++k) {
        GElf_Sym symbol;
        if (!gelf_getsym(data, static_cast<int>(k), &symbol))
            return "its symbol table cannot be read";
        if (symbol.st_shndx != SHN_UNDEF || GELF_ST_BIND(symbol.st_info) == STB_LOCAL)
            continue;
        const char* name = elf_strptr(elf, header.sh_link, symbol.st_name);
        if (!name)
            return "its symbol table cannot be read";
        if (*name && !allowed.contains(name))
            return std::string("it calls '") + name + "', which kernels may not call";
    }
    return {};
}

/// The file offset of the dynamic segment the loader reads, if any.
std::optional<GElf_Off> dynamicSegmentOffset(Elf* elf) {
    size_t count = 0;
    if (elf_getphdrnum(elf, &count) != 0)
        return std::nullopt;
    for (size_t k = 0; k < count; ++k) {
        GElf_Phdr segment;
        if (gelf_getphdr(elf, static_cast<int>(k), &segment) && segment.p_type == PT_DYNAMIC)
            return segment.p_offset;
    }
    return std::nullopt;
}

} // namespace

std::string auditKernelObject(std::string_view image, const std::set<std::string>& allowedImports) {
    elf_version(EV_CURRENT);
    // libelf reads from a private copy: the caller's bytes are exactly what gets loaded.
    std::vector<char> copy(image.begin(), image.end());
    const ElfHandle elf(elf_memory(copy.data(), copy.size()), elf_end);
    GElf_Ehdr header;
    if (!elf || elf_kind(elf.get()) != ELF_K_ELF || !gelf_getehdr(elf.get(), &header))
        return "it is not an ELF file";
    if (header.e_type != ET_DYN)
        return "it is not a shared object";
    const std::optional<GElf_Off> dynamicOffset = dynamicSegmentOffset(elf.get());
    bool sawDynamic = false, sawSymbols = false;
    for (Elf_Scn* section = nullptr; (section = elf_nextscn(elf.get(), section));) {
        GElf_Shdr sectionHeader;
        if (!gelf_getshdr(section, &sectionHeader))
            return "its section headers cannot be read";
        std::string problem;
        if (sectionHeader.sh_type == SHT_DYNAMIC) {
            // The section must be the segment the loader reads, or auditing it proves nothing.
            if (sawDynamic || sectionHeader.sh_offset != dynamicOffset)
                return "its dynamic section is not its dynamic segment";
            sawDynamic = true;
            problem = auditDynamicSection(elf.get(), section, sectionHeader);
        } else if (sectionHeader.sh_type == SHT_DYNSYM) {
            sawSymbols = true;
            problem = auditImports(elf.get(), section, sectionHeader, allowedImports);
        }
        if (!problem.empty())
            return problem;
    }
    if (!sawDynamic || !sawSymbols)
        return "it has no dynamic section or no dynamic symbol table";
    return {};
}

} // namespace spikestudio
