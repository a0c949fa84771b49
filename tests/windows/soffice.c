/*
 * For the Wine test only: a stand-in for LibreOffice's soffice.exe, which
 * the test registers where a LibreOffice installer would (App Paths, or a
 * Program Files folder) to see that unionplan finds it there. Like
 * `soffice --convert-to pdf --outdir DIR A.docx …`, it writes DIR\A.pdf for
 * each DOCX: a file that starts as a PDF does and says it is a stand-in.
 */
#include <stdio.h>
#include <wchar.h>
#include <windows.h>

int wmain(int argc, wchar_t **argv)
{
    const wchar_t *outdir = NULL;
    for (int i = 1; i + 1 < argc; i++)
        if (wcscmp(argv[i], L"--outdir") == 0)
            outdir = argv[i + 1];
    if (!outdir)
        return 2;
    CreateDirectoryW(outdir, NULL);
    for (int i = 1; i < argc; i++) {
        size_t n = wcslen(argv[i]);
        if (n < 5 || _wcsicmp(argv[i] + n - 5, L".docx") != 0)
            continue;
        const wchar_t *name = argv[i];
        for (const wchar_t *p = argv[i]; *p; p++)
            if (*p == L'\\' || *p == L'/')
                name = p + 1;
        wchar_t pdf[MAX_PATH * 2];
        swprintf(pdf, MAX_PATH * 2, L"%ls\\%.*ls.pdf", outdir,
                 (int)(wcslen(name) - 5), name);
        FILE *f = _wfopen(pdf, L"wb");
        if (!f)
            return 1;
        fputs("%PDF-1.4\n% unionplan test: the soffice stand-in\n", f);
        fclose(f);
    }
    return 0;
}
