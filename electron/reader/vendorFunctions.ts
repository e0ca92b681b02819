import { load, type LibraryHandle } from 'koffi';
import { join } from 'node:path';
import type { LibraryJob } from './libraryJob';

// The vendor libraries' functions as their SDKs declare them (docs/id-card-reader.md, "Vendor
// libraries"), bound through koffi. __stdcall is what the Windows builds export (WINAPI); koffi
// ignores it where the platform has one calling convention (x64, Linux).

type VendorFunction = ReturnType<LibraryHandle['func']>;

/** Thrown when a library or one of its functions is missing: the driver is not installed as expected. */
export class LibraryMissing extends Error {
  constructor(
    readonly reason: 'library_missing' | 'symbol_missing',
    readonly step: string,
    message: string,
  ) {
    super(message);
  }
}

function open(file: string, dir: string | null): LibraryHandle {
  try {
    return load(dir === null ? file : join(dir, file));
  } catch (err) {
    throw new LibraryMissing('library_missing', 'load', `The reader's library ${file} could not be loaded: ${(err as Error).message}`);
  }
}

function bind(lib: LibraryHandle, file: string, prototype: string): VendorFunction {
  try {
    return lib.func(prototype);
  } catch (err) {
    throw new LibraryMissing('symbol_missing', 'load', `${file} has no ${prototype}: ${(err as Error).message}`);
  }
}

function optional(lib: LibraryHandle, prototype: string): VendorFunction | null {
  try {
    return lib.func(prototype);
  } catch {
    return null;
  }
}

/** sdtapi.dll and its kin (the SDT_* family). */
export function sdtFunctions(job: LibraryJob) {
  const lib = open(job.library, job.dir);
  const f = (p: string) => bind(lib, job.library, p);
  return {
    SDT_OpenPort: f('int __stdcall SDT_OpenPort(int iPort)'),
    SDT_ClosePort: f('int __stdcall SDT_ClosePort(int iPort)'),
    SDT_StartFindIDCard: f('int __stdcall SDT_StartFindIDCard(int iPort, _Out_ uint8_t *pucManaInfo, int iIfOpen)'),
    SDT_SelectIDCard: f('int __stdcall SDT_SelectIDCard(int iPort, _Out_ uint8_t *pucManaMsg, int iIfOpen)'),
    SDT_ReadBaseMsg: f('int __stdcall SDT_ReadBaseMsg(int iPort, _Out_ uint8_t *pucCHMsg, _Out_ uint32_t *puiCHMsgLen, _Out_ uint8_t *pucPHMsg, _Out_ uint32_t *puiPHMsgLen, int iIfOpen)'),
    /** Not in every build of the library. */
    SDT_GetSAMIDToStr: optional(lib, 'int __stdcall SDT_GetSAMIDToStr(int iPort, _Out_ uint8_t *pcSAMID, int iIfOpen)'),
  };
}

/** libwlt2bmp's decoder of the chip's WLT photo into a 102 × 126 BMP; null when not installed. */
export function wltDecoder(job: LibraryJob): VendorFunction | null {
  if (job.decoder === null) return null;
  try {
    return open(job.decoder, job.dir).func('int unpack(uint8_t *src, _Out_ uint8_t *dst, int bmpSave)');
  } catch {
    return null;
  }
}

/** Termb.dll and its kin (the CVR_* family): the text comes back in the system's ANSI code page, GBK. */
export function cvrFunctions(job: LibraryJob) {
  const lib = open(job.library, job.dir);
  const f = (p: string) => bind(lib, job.library, p);
  const text = (name: string) => f(`int __stdcall ${name}(_Out_ uint8_t *strTmp, _Inout_ int *strLen)`);
  return {
    CVR_InitComm: f('int __stdcall CVR_InitComm(int Port)'),
    CVR_CloseComm: f('int __stdcall CVR_CloseComm()'),
    CVR_Authenticate: f('int __stdcall CVR_Authenticate()'),
    /** The newer builds' read of every card kind; older ones have only CVR_Read_Content(int Active). */
    CVR_Read_FPContent: optional(lib, 'int __stdcall CVR_Read_FPContent()'),
    CVR_Read_Content: optional(lib, 'int __stdcall CVR_Read_Content(int Active)'),
    text: {
      type: text('GetCertType'),
      name: text('GetPeopleName'),
      chineseName: optional(lib, 'int __stdcall GetPeopleChineseName(_Out_ uint8_t *strTmp, _Inout_ int *strLen)'),
      sex: text('GetPeopleSex'),
      nation: text('GetPeopleNation'),
      nationCode: optional(lib, 'int __stdcall GetNationCode(_Out_ uint8_t *strTmp, _Inout_ int *strLen)'),
      birth: text('GetPeopleBirthday'),
      address: text('GetPeopleAddress'),
      number: text('GetPeopleIDCode'),
      authority: text('GetDepartment'),
      start: text('GetStartDate'),
      end: text('GetEndDate'),
    },
    GetBMPData: f('int __stdcall GetBMPData(_Out_ uint8_t *pData, _Inout_ int *pLen)'),
    CVR_GetSAMID: optional(lib, 'int __stdcall CVR_GetSAMID(_Out_ uint8_t *SAMID)'),
  };
}
