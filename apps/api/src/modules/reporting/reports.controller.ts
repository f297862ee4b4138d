import { pipeline, type Readable } from 'node:stream';
import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '@lp/identity';
import { Role } from '@lp/organisation';
import { CsvExports } from '@lp/reporting';
import { CurrentActor } from '../identity/current-actor.decorator';
import { Roles } from '../identity/roles.decorator';
import {
  parseCertificationParams,
  parseMissingCertificationParams,
  parseOpenAssignmentParams,
  parseRegionComplianceParams,
  parseStoreComplianceParams,
} from './dto/report-csv-params';

/**
 * Sends a CSV stream as a download that no shared cache keeps (it lists people); a failure
 * mid-stream aborts the response rather than ending a short file.
 */
function sendCsv(response: Response, filename: string, csv: Readable): void {
  response
    .status(200)
    .type('text/csv; charset=utf-8')
    .attachment(filename)
    .setHeader('Cache-Control', 'private, no-store');
  pipeline(csv, response, (error) => {
    if (error) response.destroy(error);
  });
}

/**
 * CSV exports behind the same bearer token and scope rules as GraphQL. Parameters and ids
 * are checked before the first byte, so errors are 400/401/403/404 with a short text body
 * (AppErrorFilter), never a partial file.
 */
@Controller('reports')
@Roles(Role.STORE_MANAGER, Role.REGIONAL_MANAGER, Role.HR, Role.ADMIN)
export class ReportsController {
  constructor(private readonly exports: CsvExports) {}

  @Get('store-compliance.csv')
  async storeCompliance(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    const csv = await this.exports.storeCompliance(actor.scope, parseStoreComplianceParams(query));
    sendCsv(response, 'store-compliance.csv', csv);
  }

  @Get('region-compliance.csv')
  async regionCompliance(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    parseRegionComplianceParams(query);
    sendCsv(response, 'region-compliance.csv', await this.exports.regionCompliance(actor.scope));
  }

  @Get('certifications.csv')
  async certifications(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    const csv = await this.exports.certifications(actor.scope, parseCertificationParams(query));
    sendCsv(response, 'certifications.csv', csv);
  }

  @Get('missing-certifications.csv')
  async missingCertifications(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    const csv = await this.exports.missingCertifications(actor.scope, parseMissingCertificationParams(query));
    sendCsv(response, 'missing-certifications.csv', csv);
  }

  @Get('open-assignments.csv')
  async openAssignments(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    const csv = await this.exports.openAssignments(actor.scope, parseOpenAssignmentParams(query));
    sendCsv(response, 'open-assignments.csv', csv);
  }
}
