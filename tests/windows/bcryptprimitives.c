/*
 * For the Wine test only, never shipped: a stand-in for Windows'
 * bcryptprimitives.dll. Rust 1.78 and later draw random numbers from its
 * ProcessPrng, which Windows 10 and 11 have and Wine 8 lacks; the test puts
 * this DLL into its own Wine prefix so that the real exe can start there.
 * It asks RtlGenRandom (advapi32's SystemFunction036) instead.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
