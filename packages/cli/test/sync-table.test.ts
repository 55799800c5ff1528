import type { ScopeReport, SyncSummary } from '@cloud-inventory/core';
import { describe, expect, test } from 'vitest';
import { renderScopeProblems, renderSyncTable } from '../src/render/sync-table.ts';
import { createPalette } from '../src/terminal/palette.ts';

const plain = createPalette(false);

function summary(
  cloudId: string,
  scopes: ScopeReport[],
  status: SyncSummary['status'] = 'partial',
) {
  return {
    cloudId,
    driver: 'aws',
    runId: 'run-1',
    status,
    created: 3,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    restored: 0,
    processed: 3,
    rejected: 0,
    durationMs: 1200,
    scopes,
    errors: {},
  } satisfies SyncSummary;
}

const imagesDenied = (region: string): ScopeReport => ({
  service: 'ec2',
  region,
  status: 'failed',
  errorClass: 'auth',
  call: 'ec2:DescribeImages',
  resourceTypes: ['aws.ec2.image'],
  error: `AWS ec2 DescribeImages (${region}) failed with UnauthorizedOperation, HTTP 403: You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/inventory is not authorized to perform: ec2:DescribeImages`,
});

const regions = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'sa-east-1'];

describe('sync table', () => {
  test('one line per denied call, its regions grouped; reads kept-without with counts; skipped scopes', () => {
    const scopes: ScopeReport[] = [
      ...regions.map(imagesDenied),
      ...regions.map(
        (region): ScopeReport => ({
          service: 'ec2',
          region,
          status: 'complete',
          resourceTypes: ['aws.ec2.key-pair'],
          resourceCount: 1,
        }),
      ),
      {
        service: 's3',
        region: 'global',
        status: 'complete',
        resourceTypes: ['aws.s3.bucket'],
        enrichmentErrors: [
          {
            call: 's3:GetBucketVersioning',
            errorClass: 'auth',
            message: 'GetBucketVersioning failed with AccessDenied, HTTP 403: Access Denied',
            failed: 1,
            attempted: 2,
          },
        ],
      },
      ...['nyc3', 'sfo3'].map(
        (region): ScopeReport => ({
          service: 'spaces',
          region,
          status: 'skipped',
          error: 'Spaces buckets were not listed: no Spaces key pair.',
        }),
      ),
    ];
    const lines = renderSyncTable([summary('aws-main', scopes)], plain);
    expect(lines[0]).toMatch(/FAILED SCOPES\s+SKIPPED SCOPES\s+DURATION/);
    expect(lines[1]).toMatch(/aws-main\s+partial\s+3\s+3\s+0\s+0\s+0\s+5\s+2\s+1\.2 s/);
    expect(lines.slice(2)).toEqual([
      'aws-main:',
      '  not listed ec2 ec2:DescribeImages denied in 5 regions (us-east-1, eu-west-1, eu-central-1, +2): AWS ec2 DescribeImages (us-east-1) failed with UnauthorizedOperation, HTTP 403: You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/inventory is not authorized to perform: ec2:DescribeImages',
      '  kept without s3 s3:GetBucketVersioning denied for 1 of 2 resources in global: GetBucketVersioning failed with AccessDenied, HTTP 403: Access Denied',
      '  skipped spaces in 2 regions (nyc3, sfo3): Spaces buckets were not listed: no Spaces key pair.',
    ]);
  });

  test('a read failing in several reports is one line; other error classes say so', () => {
    const read = (region: string, failed: number, attempted: number): ScopeReport => ({
      service: 'lambda',
      region,
      status: 'complete',
      enrichmentErrors: [
        { call: 'lambda:ListTags', errorClass: 'auth', message: 'denied', failed, attempted },
      ],
    });
    expect(
      renderScopeProblems(summary('a', [read('us-east-1', 2, 2), read('eu-west-1', 3, 3)]), plain),
    ).toEqual([
      'a:',
      '  kept without lambda lambda:ListTags denied for every resource in 2 regions (us-east-1, eu-west-1): denied',
    ]);
    const throttled: ScopeReport = {
      service: 'sqs',
      region: 'us-east-1',
      status: 'failed',
      errorClass: 'throttled',
      error: 'Rate exceeded',
    };
    expect(renderScopeProblems(summary('b', [throttled]), plain)).toEqual([
      'b:',
      '  not listed sqs failed (throttled) in us-east-1: Rate exceeded',
    ]);
  });

  test('nothing below the table when every scope is complete; no skipped column without skips', () => {
    const complete: ScopeReport = { service: 'ec2', region: 'us-east-1', status: 'complete' };
    const lines = renderSyncTable([summary('ok', [complete], 'succeeded')], plain);
    // A long message is cut, not wrapped.
    const long = { ...imagesDenied('us-east-1'), error: 'x'.repeat(400) };
    expect(renderScopeProblems(summary('c', [long]), plain)[1]).toMatch(/: x{319}…$/);
    expect(lines).toHaveLength(2);
    expect(lines[0]).not.toContain('SKIPPED');
  });
});
