import Box from '@cloudscape-design/components/box';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useParams } from 'react-router-dom';
import { getReport } from '../../api/history';
import { PageLoading } from '../../components/Layout';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFollow } from '../../components/nav';
import { useLoad } from '../../components/useLoad';
import { download, reportCsv, reportJson } from './reportExport';
import { Failures, Overview, Timeline, Waves } from './ReportSections';

/**
 * Printing shows the report alone: the console's header and navigation, the buttons and the breadcrumbs are hidden,
 * and tables are not cut across pages where the browser can avoid it.
 */
const PRINT_CSS = `
@media print {
  #top-nav, nav, header[role="banner"], .report-no-print { display: none !important; }
  body { background: #fff !important; }
  .report-page table { page-break-inside: auto; }
  .report-page tr { page-break-inside: avoid; }
}
`;

/** The report of one execution, to keep: printable, and downloadable as JSON or CSV. */
export default function ReportPage() {
  const { id = '' } = useParams();
  const follow = useFollow();
  const report = useLoad((signal) => getReport(id, signal), [id]);
  const data = report.data;

  return (
    <div className="report-page">
      <style>{PRINT_CSS}</style>
      <SpaceBetween size="l">
        <div className="report-no-print">
          <BreadcrumbGroup
            onFollow={follow}
            items={[
              { text: 'Executions', href: '/executions' },
              { text: id, href: `/executions/${id}` },
              { text: 'Report', href: `/executions/${id}/report` },
            ]}
          />
        </div>
        <Header
          variant="h1"
          description={data?.summary ?? undefined}
          actions={
            <div className="report-no-print">
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="file" onClick={() => window.print()} disabled={!data}>
                  Print
                </Button>
                <Button
                  iconName="download"
                  disabled={!data}
                  onClick={() => data && download(`${data.executionId}-report.json`, reportJson(data), 'application/json')}
                  data-testid="download-json"
                >
                  Download JSON
                </Button>
                <Button
                  iconName="download"
                  disabled={!data}
                  onClick={() => data && download(`${data.executionId}-report.csv`, reportCsv(data), 'text/csv;charset=utf-8')}
                  data-testid="download-csv"
                >
                  Download CSV
                </Button>
              </SpaceBetween>
            </div>
          }
        >
          {data?.title ?? `Report of ${id}`}
        </Header>
        <ProblemAlert error={report.error} />
        {report.loading && !data && <PageLoading>Loading the report…</PageLoading>}
        {data && (
          <SpaceBetween size="l">
            <Overview report={data} />
            <Waves report={data} />
            <Failures report={data} />
            <Timeline report={data} />
            <Box variant="small" color="text-body-secondary">
              Execution {data.executionId}
            </Box>
          </SpaceBetween>
        )}
      </SpaceBetween>
    </div>
  );
}
